package io.hyclus.container;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps any identifier (a sample id, a scan id) to a single path segment that is safe on Linux, macOS and Windows and
 * unique per identifier. The real identifier is always kept inside the file (attributes), never recovered from the name.
 *
 * <ul>
 *   <li>An identifier of 1-{@value #MAX_VERBATIM} characters from {@code [A-Za-z0-9._-]}, starting with a letter or
 *       digit, not ending with '.', and not a Windows device name ({@code CON}, {@code NUL}, {@code COM1}... with or
 *       without an extension) is used as it is.</li>
 *   <li>Any other identifier becomes {@code <readable>~<hash>}: {@code readable} is the identifier with every character
 *       outside {@code [A-Za-z0-9._-]} replaced by '_', leading '.' and '-' dropped, cut to {@value #READABLE_CHARS}
 *       characters ({@code _} if nothing is left); {@code hash} is the first {@value #HASH_HEX} hex digits of the
 *       SHA-256 of the identifier's UTF-16BE code units.</li>
 * </ul>
 * A verbatim name never contains '~', so it cannot equal a hashed name; two hashed names are equal only if 64 bits of
 * SHA-256 collide. The result never contains a path separator, NUL or a control character, is never {@code .} or
 * {@code ..}, and stays under 100 characters, so {@code <name>.h5.partial} fits every file system's 255-byte limit.
 * Names differing only in letter case stay distinct on case-sensitive file systems only.
 */
public final class SafeFileNames {
    /** Longest identifier used verbatim. */
    public static final int MAX_VERBATIM = 96;
    static final int READABLE_CHARS = 64;
    static final int HASH_HEX = 16;
    /** Separates the readable part of a hashed name from its hash; never in a verbatim name. */
    static final char HASH_SEPARATOR = '~';

    private static final Pattern VERBATIM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_VERBATIM - 1) + "}");
    private static final Pattern UNSAFE_CHAR = Pattern.compile("[^A-Za-z0-9._-]");
    private static final Set<String> WINDOWS_DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private SafeFileNames() {
    }

    /** The safe, unique path segment of {@code id}; see the class comment. */
    public static String of(String id) {
        if (id == null) {
            throw new IllegalArgumentException("an identifier to name a file after must not be null");
        }
        if (isVerbatim(id)) {
            return id;
        }
        String readable = UNSAFE_CHAR.matcher(id).replaceAll("_").replaceFirst("^[.-]+", "");
        if (readable.length() > READABLE_CHARS) {
            readable = readable.substring(0, READABLE_CHARS);
        }
        return (readable.isEmpty() ? "_" : readable) + HASH_SEPARATOR + hash(id);
    }

    /** Whether {@code id} is its own safe name. */
    public static boolean isVerbatim(String id) {
        if (!VERBATIM.matcher(id).matches() || id.endsWith(".")) {
            return false;
        }
        int dot = id.indexOf('.');
        String stem = (dot < 0 ? id : id.substring(0, dot)).toUpperCase(Locale.ROOT);
        return !WINDOWS_DEVICES.contains(stem);
    }

    private static String hash(String id) {
        try {
            // The UTF-16 code units themselves, not an encoding: an unpaired surrogate must not collapse into '?'.
            ByteBuffer units = ByteBuffer.allocate(id.length() * 2);
            id.chars().forEach(c -> units.putChar((char) c));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(units.array());
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
