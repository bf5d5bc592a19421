package io.hyclus.app;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a {@code hyclus} command line in this JVM, as the command tests do. */
public final class Cli {
    private Cli() {
    }

    /** {@code [exit code, everything printed to out and err]}. */
    public static String[] run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int rc = cl.execute(args);
        return new String[] {String.valueOf(rc), out.toString()};
    }
}
