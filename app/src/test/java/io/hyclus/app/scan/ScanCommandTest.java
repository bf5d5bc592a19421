package io.hyclus.app.scan;

import io.hyclus.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Options refused before anything starts: exit 2, the reason, and no work directory created. */
class ScanCommandTest {
    @TempDir
    Path dir;

    private String refused(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        String[] all = new String[args.length + 2];
        all[0] = "scan";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--work-dir=" + dir.resolve("work");
        assertEquals(2, cl.execute(all), err.toString());
        assertFalse(Files.exists(dir.resolve("work")), "nothing started");
        return err.toString();
    }

    @Test
    void neitherPlanNorTray_refused() {
        assertTrue(refused().contains("give either --plan FILE or --campaign-tray N (or --from-envi DIR)"));
    }

    @Test
    void planAndTray_refused() {
        assertTrue(refused("--plan", "x.yaml", "--campaign-tray", "1").contains("give either --plan FILE or --campaign-tray N"));
    }

    @Test
    void fromAndSaveEnvi_refused() {
        assertTrue(refused("--from-envi", "a", "--save-envi", "b")
                .contains("--from-envi replays a capture; it cannot be combined with --save-envi"));
    }

    @Test
    void trayOutOfRange_refused() {
        assertTrue(refused("--campaign-tray", "13").contains("--campaign-tray"));
    }

    @Test
    void badPlan_refusedNamingLine() throws IOException {
        Path plan = dir.resolve("bad.csv");
        Files.writeString(plan, "sample_id,plant,month,fraction,x0_mm,y0_mm,x1_mm,y1_mm\nA,P,2025-13,Plus 100,1,1,5,5\n");
        String err = refused("--plan", plan.toString());
        assertTrue(err.contains("scan plan " + plan + " line 2: month must be YYYY-MM, found '2025-13'"), err);
    }

    @Test
    void lineRateOutOfRange_refused() {
        assertTrue(refused("--campaign-tray", "1", "--belt-speed", "50", "--line-pitch-mm", "0.01")
                .contains("line rate"));
    }

    @Test
    void badStitchOptions_refusedNamingTheOption() {
        String grid = refused("--campaign-tray", "1", "--stitch-grid", "fine");
        assertTrue(grid.contains("--stitch-grid must be 'native' or a step in nm such as 5: 'fine'"), grid);
        assertTrue(refused("--campaign-tray", "1", "--stitch-grid", "500").contains("--stitch-grid (nm)"));
        String overlap = refused("--campaign-tray", "1", "--stitch-overlap", "blend");
        assertTrue(overlap.contains("--stitch-overlap must be cross-fade or cut: 'blend'"), overlap);
    }

    @Test
    void encoderThreadsBelowOne_refusedNamingTheOption() {
        String zero = refused("--campaign-tray", "1", "--encoder-threads", "0");
        assertTrue(zero.contains("--encoder-threads must be at least 1: 0"), zero);
        String negative = refused("--campaign-tray", "1", "--encoder-threads", "-3");
        assertTrue(negative.contains("--encoder-threads must be at least 1: -3"), negative);
        String word = refused("--campaign-tray", "1", "--encoder-threads", "two");
        assertTrue(word.contains("--encoder-threads") && word.contains("two"), word);
    }

    @Test
    void unknownLineEncoding_refusedNamingTheOption() {
        String err = refused("--campaign-tray", "1", "--line-encoding", "zstd");
        assertTrue(err.contains("--line-encoding must be COMPACT or FLOAT32: 'zstd'"), err);
    }
}
