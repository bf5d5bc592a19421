package io.hyclus.app.dashboard;

import org.junit.jupiter.api.Test;

import static io.hyclus.app.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hyclus dashboard} refuses bad options before anything starts, and a cluster nobody runs within seconds. */
class DashboardCommandTest {
    @Test
    void badOptions_areParameterErrorsNamingTheOption() {
        String[][] cases = {
            {"--bootstrap-servers", "localhost"},
            {"--bootstrap-servers", "localhost:9092", "--http-port", "70000"},
            {"--bootstrap-servers", "localhost:9092", "--client-buffer", "1"},
            {"--bootstrap-servers", "localhost:9092", "--http-host", " "},
        };
        String[] expected = {
            "--bootstrap-servers must be HOST:PORT[,HOST:PORT...] with ports 1-65535: 'localhost'",
            "--http-port must be 0-65535: 70000",
            "--client-buffer must be 16-1000000: 1",
            "--http-host must not be blank",
        };
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 1];
            args[0] = "dashboard";
            System.arraycopy(cases[i], 0, args, 1, cases[i].length);
            String[] r = run(args);
            assertEquals("2", r[0], r[1]);
            assertTrue(r[1].contains(expected[i]), r[1]);
            assertTrue(r[1].contains("Usage: hyclus dashboard"), r[1]);
        }
    }

    @Test
    void noBrokerThere_failsWithinSeconds_namingTheServers() {
        long t0 = System.nanoTime();
        String[] r = run("dashboard", "--bootstrap-servers", "127.0.0.1:1", "--http-port", "0");
        assertEquals("1", r[0], r[1]);
        assertTrue(r[1].contains("127.0.0.1:1"), r[1]);
        assertTrue(System.nanoTime() - t0 < 60_000_000_000L, "failed within a minute");
    }
}
