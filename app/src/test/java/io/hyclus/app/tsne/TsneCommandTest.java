package io.hyclus.app.tsne;

import io.hyclus.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TsneCommandTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    private Path points(String name, int n, int d, long seed) throws Exception {
        Random r = new Random(seed);
        ByteBuffer b = ByteBuffer.allocate(4 * n * d).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n * d; i++) {
            b.putFloat((float) (r.nextGaussian() + 8 * ((i / d) % 3)));
        }
        Path p = dir.resolve(name);
        Files.write(p, b.array());
        return p;
    }

    @Test
    void tsne_badShape_exitsTwo() throws Exception {
        Path data = points("a.f32", 100, 4, 1);
        assertEquals(2, run("tsne", "--data", data.toString(), "--shape", "100", "--out", dir.resolve("o").toString()));
        assertTrue(err.toString().contains("--shape must be N,D with positive integers: 100"), err.toString());
    }

    @Test
    void tsne_fitSaveThenTransform_writesEmbeddingsAndProvenance() throws Exception {
        Path data = points("a.f32", 150, 4, 1);
        Path out = dir.resolve("a.emb");
        Path map = dir.resolve("a.map");
        assertEquals(0, run("tsne", "--data", data.toString(), "--shape", "150,4", "--out", out.toString(),
                "--perplexity", "10", "--iterations", "100", "--save", map.toString(), "--threads", "2"), err.toString());
        assertEquals(150 * 2 * 4, Files.size(out));
        assertTrue(Files.readString(Path.of(out + ".json")).contains("\"tsne.perplexity\": \"10.0\""));
        Path more = points("b.f32", 20, 4, 2);
        Path moreOut = dir.resolve("b.emb");
        assertEquals(0, run("tsne", "--data", more.toString(), "--shape", "20,4", "--out", moreOut.toString(),
                "--transform-onto", map.toString()), err.toString());
        assertEquals(20 * 2 * 4, Files.size(moreOut));
        String prov = Files.readString(Path.of(moreOut + ".json"));
        assertTrue(prov.contains("start=DENSEST") && prov.contains("leash=0.1"), prov);
        Path median = dir.resolve("m.emb");
        assertEquals(0, run("tsne", "--data", more.toString(), "--shape", "20,4", "--out", median.toString(),
                "--transform-onto", map.toString(), "--transform-start", "MEDIAN"), err.toString());
        String medianProv = Files.readString(Path.of(median + ".json"));
        assertTrue(medianProv.contains("start=MEDIAN") && medianProv.contains("leash=Infinity"), medianProv);
        assertEquals(2, run("tsne", "--data", more.toString(), "--shape", "20,4", "--out", median.toString(),
                "--transform-onto", map.toString(), "--transform-leash", "-1"));
        assertTrue(err.toString().contains("--transform-leash must be a positive number of map radii or 'none': -1"),
                err.toString());
    }

    @Test
    void tsne_transformWithOtherDimension_exitsOneAndWritesNothing() throws Exception {
        Path data = points("a.f32", 150, 4, 1);
        Path map = dir.resolve("a.map");
        assertEquals(0, run("tsne", "--data", data.toString(), "--shape", "150,4", "--out", dir.resolve("a.emb").toString(),
                "--perplexity", "10", "--iterations", "50", "--save", map.toString()), err.toString());
        Path other = points("c.f32", 10, 3, 3);
        Path out = dir.resolve("c.emb");
        assertEquals(1, run("tsne", "--data", other.toString(), "--shape", "10,3", "--out", out.toString(),
                "--transform-onto", map.toString()));
        assertTrue(err.toString().contains("--shape D = 3 does not match the map"), err.toString());
        assertFalse(Files.exists(out));
    }
}
