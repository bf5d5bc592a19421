package io.hyclus.core.library;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The content hash of a spectral library: SHA-256 over the index and every file it lists (USGS wavelength files too), each named. */
final class LibraryHash {
    private LibraryHash() {
    }

    static String of(Path dir, List<LibraryEntry> entries) {
        Set<String> files = new LinkedHashSet<>();
        files.add("index.csv");
        for (LibraryEntry e : entries) {
            files.add(e.file());
            if (!e.isJpl() && !e.wavelengthFile().isBlank()) {
                files.add(e.wavelengthFile());
            }
        }
        MessageDigest sha = sha256();
        byte[] buf = new byte[1 << 16];
        for (String f : files) {
            // The name goes in too, so moving bytes between files changes the hash.
            sha.update(f.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            try (InputStream in = Files.newInputStream(dir.resolve(f))) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    sha.update(buf, 0, n);
                }
            } catch (IOException e) {
                throw new LibraryFormatException("cannot read spectral library file " + dir.resolve(f) + " to hash it: "
                        + e.getMessage(), e);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
