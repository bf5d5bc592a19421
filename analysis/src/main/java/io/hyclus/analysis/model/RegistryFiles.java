package io.hyclus.analysis.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/** File chores of the registry: hashes, atomic small-file writes, removing a temporary folder. */
final class RegistryFiles {
    private RegistryFiles() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** SHA-256 of the file's bytes, lower-case hex. */
    static String sha256(Path file) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Writes {@code bytes} to a temporary sibling and renames it over {@code target}. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        io.hyclus.core.io.AtomicFiles.write(target, bytes);
    }

    static void writeAtomically(Path target, String text) throws IOException {
        writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A temporary folder under {@code parent} with the usual rwxr-xr-x (createTempDirectory makes it owner-only). */
    static Path tempDirectory(Path parent, String prefix) throws IOException {
        Path tmp = Files.createTempDirectory(parent, prefix);
        permissions(tmp, "rwxr-xr-x");
        return tmp;
    }

    private static void permissions(Path p, String perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep the default
        }
    }

    /** Deletes {@code dir} and everything under it, if it exists. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new ModelException("cannot remove the temporary folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
