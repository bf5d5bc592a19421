package io.hyclus.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input on the command line fails at once, with a message naming the option and value, and starts nothing. */
class CommandLineTest {
    @TempDir
    Path work;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int rc = cl.execute(args);
        return new String[] {String.valueOf(rc), out.toString()};
    }

    @Test
    void demo_tooManySamples_namesTheOption() {
        String[] r = run("demo", "--samples", "20", "--work-dir", work.toString());
        assertEquals("1", r[0]);
        assertEquals("hyclus: --samples must be 1-12: 20", r[1].strip());
        assertFalse(Files.exists(work.resolve("kafka")), "no broker was started");
    }

    @Test
    void demo_missingLibrary_failsBeforeAnyBrokerStarts() {
        Path nowhere = work.resolve("no-library");
        String[] r = run("demo", "--library", nowhere.toString(), "--work-dir", work.toString());
        assertEquals("1", r[0]);
        assertEquals("hyclus: no spectral library in " + nowhere + ": index.csv not found (a library folder holds index.csv"
                + " and the files it lists)", r[1].strip());
        assertFalse(Files.exists(work.resolve("kafka")), "no broker was started");
    }

    @Test
    void campaign_badCameraSize_namesTheOption() {
        String[] r = run("campaign", "--vnir", "1024by224", "--work-dir", work.toString());
        assertEquals("1", r[0]);
        assertEquals("hyclus: --vnir must be PIXELSxBANDS, e.g. 1024x224: '1024by224'", r[1].strip());
    }

    @Test
    void unknownCommand_isAUsageError() {
        String[] r = run("scan-everything");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("Unmatched argument at index 0: 'scan-everything'"), r[1]);
    }
}
