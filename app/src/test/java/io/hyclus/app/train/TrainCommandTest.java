package io.hyclus.app.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyclus.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.hyclus.core.tray.GrainSizeFraction.MINUS_100;
import static io.hyclus.core.tray.GrainSizeFraction.PLUS_100;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hyclus train} and {@code hyclus models} on tiny containers written by the test. */
class TrainCommandTest {
    @TempDir
    Path dir;

    record Run(int rc, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    /** Four samples in work/samples: Plant-1 and Plant-2, months 1 and 2, M100 and P100. */
    private Path work() {
        Path samples = dir.resolve("work/samples");
        TinyContainers.write(samples, "scan-1", "P1-01-M", "Plant-1", 1, MINUS_100, 60, 1, 0);
        TinyContainers.write(samples, "scan-1", "P1-02-P", "Plant-1", 2, PLUS_100, 60, 2, 0);
        TinyContainers.write(samples, "scan-2", "P2-01-M", "Plant-2", 1, MINUS_100, 60, 3, 0);
        TinyContainers.write(samples, "scan-2", "P2-02-P", "Plant-2", 2, PLUS_100, 60, 4, 0);
        return dir.resolve("work");
    }

    @Test
    void train_pca_defaultsFromWorkDir_writesVersionsAndPromotes_progressAndReport() throws Exception {
        Path work = work();
        Run r = run("train", "--work-dir", work.toString(), "--model", "pca", "--code-size", "3",
                "--spectra-per-sample", "40", "--validation-fraction", "0.25", "--seed", "7", "--promote");
        assertEquals(0, r.rc(), r.err());
        Path v1 = work.resolve("models/pca-3-vnir/v1");
        assertTrue(r.out().contains("120 training spectra from 3 samples, 40 validation spectra from 1 samples; whole "
                + "samples: 1 of 4 held out (fraction 0.25, seed 7); read in "), r.out());
        assertTrue(r.out().contains("epoch 1/1  train "), r.out());
        assertTrue(r.out().contains("Trained pca-3-vnir@1 in "), r.out());
        assertTrue(r.out().contains("(promoted for VNIR)\n  written to " + v1), r.out());
        assertEquals("pca-3-vnir@1\n", Files.readString(work.resolve("models/promoted/VNIR")));
        JsonNode json = new ObjectMapper().readTree(v1.resolve("model.json").toFile());
        assertEquals(3, json.get("samples").size());
        assertEquals(TinyContainers.BANDS, json.get("wavelengthNm").size());
        assertEquals(7, json.get("seed").asInt());
        assertTrue(json.get("provenance").get("command").asText().startsWith("hyclus train --work-dir "));
        assertEquals(json.get("files").get("pca.bin").get("bytes").asLong(), Files.size(v1.resolve("pca.bin")));
        String loss = String.format(java.util.Locale.ROOT, "%.5f", json.get("epochs").get(0).get("validationLoss").asDouble());
        assertTrue(r.out().contains("validation loss " + loss), r.out() + " vs " + loss);

        Run again = run("train", "--samples", work.resolve("samples").toString(), "--registry",
                work.resolve("models").toString(), "--model", "pca-2", "--plant", "Plant-1,plant-2", "--fraction", "M100",
                "--fraction", "P100", "--month", "2025-01,2025-02", "--validation", "random", "--spectra-per-sample", "50");
        assertEquals(0, again.rc(), again.err());
        assertTrue(again.out().contains("Trained pca-2-vnir@1"), again.out());
        assertTrue(again.out().contains("180 training spectra from 4 samples, 20 validation spectra from 4 samples; random"
                + " spectra: 20 of 200 held out (fraction 0.1, seed 1); read in "), again.out());

        Run list = run("models", "--registry", work.resolve("models").toString(), "list");
        assertEquals(0, list.rc(), list.err());
        String[] lines = list.out().split("\n");
        assertEquals(2, lines.length, list.out());
        assertTrue(lines[0].startsWith("pca-2-vnir@1") && !lines[0].contains("promoted"), lines[0]);
        assertTrue(lines[1].startsWith("pca-3-vnir@1") && lines[1].endsWith("promoted"), lines[1]);

        Run promote = run("models", "--work-dir", work.toString(), "promote", "pca-2-vnir@1");
        assertEquals(0, promote.rc(), promote.err());
        assertEquals("promoted pca-2-vnir@1 for VNIR (was pca-3-vnir@1)\n", promote.out());
        assertEquals("pca-2-vnir@1\n", Files.readString(work.resolve("models/promoted/VNIR")));

        Run show = run("models", "--work-dir", work.toString(), "show", "pca-3-vnir@1");
        assertEquals(0, show.rc(), show.err());
        assertTrue(show.out().contains("model      pca, code size 3, input VNIR\n"), show.out());
        assertTrue(show.out().contains("validation whole samples: 1 of 4 held out (fraction 0.25, seed 7)"), show.out());
        assertTrue(show.out().contains("data.spectra.train = 120"), show.out());
    }

    @Test
    void train_stitched_readsTheStitchedSpectra_promotesForStitched() throws Exception {
        Path work = work();
        Run r = run("train", "--work-dir", work.toString(), "--model", "pca", "--code-size", "2", "--camera", "stitched",
                "--spectra-per-sample", "40", "--seed", "7", "--promote");
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.out().contains("Trained pca-2-stitched@1 in "), r.out());
        assertEquals("pca-2-stitched@1\n", Files.readString(work.resolve("models/promoted/STITCHED")));
        JsonNode json = new ObjectMapper().readTree(work.resolve("models/pca-2-stitched/v1/model.json").toFile());
        assertEquals(TinyContainers.BANDS + 2, json.get("wavelengthNm").size());
        assertEquals(1700.0, json.get("wavelengthNm").get(TinyContainers.BANDS + 1).asDouble());
        assertEquals("STITCHED", json.get("input").asText());
    }

    @Test
    void train_badOptions_exit2_namingTheOption() {
        Path work = work();
        String w = work.toString();
        assertBad(run("train", "--work-dir", w, "--model", "lstm"), "--model lstm: unknown model architecture 'lstm'");
        assertBad(run("train", "--work-dir", w, "--model", "dense-ae-4", "--code-size", "16"),
                "--model dense-ae-4 says code size 4, --code-size says 16");
        assertBad(run("train", "--work-dir", w, "--model", "dense-ae", "--code-size", "32"),
                "the dense autoencoder's code size must be at most 16");
        assertBad(run("train", "--work-dir", w, "--model", "pca", "--camera", "UV"), "--camera must be VNIR, SWIR or STITCHED");
        assertBad(run("train", "--work-dir", w, "--model", "pca", "--validation", "kfold"), "--validation must be samples or random: 'kfold'");
        assertBad(run("train", "--work-dir", w, "--model", "pca", "--validation-fraction", "1"), "--validation-fraction must be between 0 and 1");
        assertBad(run("train", "--work-dir", w, "--model", "pca", "--month", "2025-13"), "--month must be YYYY-MM, e.g. 2025-03: '2025-13'");
        assertBad(run("train", "--work-dir", w, "--model", "pca", "--fraction", "coarse"), "--fraction must be M100, P100");
        assertBad(run("train", "--work-dir", w, "--model", "pca", "--epochs", "0"), "--epochs must be 1-100000: 0");
        assertBad(run("train", "--work-dir", w, "--model", "pca", "--threads", "0"), "--threads must be 1-1024: 0");
        assertBad(run("train", "--work-dir", w, "--model", "pca", "--spectra-per-sample", "0"), "--spectra-per-sample must be");
        assertBad(run("train", "--model", "pca", "--samples", dir.resolve("none").toString()),
                "--samples must be a directory of sample containers: " + dir.resolve("none"));
        assertBad(run("models", "--work-dir", w, "show", "pca-3"), "model reference 'pca-3' must look like name@version");
        assertFalse(Files.exists(work.resolve("models")), "nothing written");
    }

    private static void assertBad(Run r, String message) {
        assertEquals(2, r.rc(), r.out() + r.err());
        assertTrue(r.err().contains(message), "'" + r.err() + "' should contain '" + message + "'");
        assertTrue(r.err().contains("Usage:"), r.err());
    }

    @Test
    void train_badInput_exit1_namingFilesAndWhat() throws Exception {
        Path work = work();
        Path odd = TinyContainers.write(work.resolve("samples"), "scan-3", "ODD", "Plant-3", 3, PLUS_100, 20, 5, 1.5);
        Run grid = run("train", "--work-dir", work.toString(), "--model", "pca", "--code-size", "2");
        assertEquals(1, grid.rc(), grid.err());
        assertTrue(grid.err().contains(odd + ": VNIR band 0 is at 451.5 nm, in "), grid.err());
        assertTrue(grid.err().contains("at 450.0 nm (a different wavelength grid)"), grid.err());

        Run none = run("train", "--work-dir", work.toString(), "--model", "pca", "--plant", "Plant-9");
        assertEquals(1, none.rc());
        assertTrue(none.err().startsWith("hyclus: no sample under " + work.resolve("samples") + " matching plant=plant-9"),
                none.err());

        Run one = run("train", "--work-dir", work.toString(), "--model", "pca", "--plant", "Plant-3");
        assertEquals(1, one.rc());
        assertTrue(one.err().contains("validation by whole samples needs at least 2 samples with VNIR spectra, found 1"
                + " (scan-3/ODD)"), one.err());

        Files.delete(odd);
        assertEquals(0, run("train", "--work-dir", work.toString(), "--model", "pca", "--code-size", "2").rc());
        Path weights = work.resolve("models/pca-2-vnir/v1/pca.bin");
        byte[] b = Files.readAllBytes(weights);
        b[30] ^= 1;
        Files.write(weights, b);
        Run show = run("models", "--work-dir", work.toString(), "show", "pca-2-vnir@1");
        assertEquals(1, show.rc());
        assertTrue(show.err().contains("weights file " + weights + " is corrupt: SHA-256"), show.err());
        Run missing = run("models", "--work-dir", work.toString(), "promote", "pca-2-vnir@4");
        assertEquals(1, missing.rc());
        assertTrue(missing.err().contains("no model pca-2-vnir@4 in " + work.resolve("models")), missing.err());
        Files.createDirectories(work.resolve("models/pca-2-vnir/v2"));
        Run list = run("models", "--work-dir", work.toString(), "list");
        assertEquals(1, list.rc());
        assertTrue(list.out().contains("pca-2-vnir@2             unreadable: model version folder "
                + work.resolve("models/pca-2-vnir/v2") + " has no model.json"), list.out());
        assertTrue(list.out().startsWith("pca-2-vnir@1 "), list.out());
        Run noRegistry = run("models", "--registry", dir.resolve("nowhere").toString(), "list");
        assertEquals(1, noRegistry.rc());
        assertTrue(noRegistry.err().contains("no model registry at " + dir.resolve("nowhere")), noRegistry.err());
    }
}
