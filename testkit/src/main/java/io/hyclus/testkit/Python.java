package io.hyclus.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python script with Debian's interpreter ({@value #INTERPRETER}, which sees apt's python3-h5py and
 * numpy; another python3 on PATH may not) and returns its standard output.
 */
public final class Python {
    public static final String INTERPRETER = "/usr/bin/python3";

    private Python() {
    }

    public static String run(String script, String... args) {
        try {
            Path file = Files.createTempFile("hyclus-test", ".py");
            Files.writeString(file, script, StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>(List.of(INTERPRETER, file.toString()));
            cmd.addAll(List.of(args));
            Path errFile = Files.createTempFile("hyclus-test", ".err");
            Process p = new ProcessBuilder(cmd).redirectError(errFile.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("python script did not finish within 120 s");
            }
            Files.deleteIfExists(file);
            String stderr = Files.readString(errFile, StandardCharsets.UTF_8);
            Files.deleteIfExists(errFile);
            if (p.exitValue() != 0) {
                String hint = stderr.contains("No module named 'h5py'")
                        ? " (install Debian's h5py: apt-get install python3-h5py)" : "";
                throw new AssertionError(INTERPRETER + " exited " + p.exitValue() + hint + ": " + stderr);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + INTERPRETER + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running python", e);
        }
    }
}
