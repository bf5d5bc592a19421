package io.hyclus.hardware.camera.control;

import io.hyclus.hardware.serial.Ascii;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One camera control command: {@code MNEMONIC arg ...} to set, {@code MNEMONIC?} to query. Mnemonics and
 * keyword arguments are upper case; numbers are decimal. See docs/camera-protocol.md.
 *
 * @param mnemonic {@code INT}, {@code FPS}, {@code BINS}, {@code BINX}, {@code ROI}, {@code SHUT}, {@code ACQ},
 *                 {@code TEMP}, {@code STAT} or {@code IDN} (the parser accepts any upper-case word; the camera
 *                 answers unknown ones with {@code UNKNOWN_COMMAND})
 * @param query    true for the {@code ?} form, which takes no arguments
 * @param args     arguments of a set command
 */
public record CameraCommand(String mnemonic, boolean query, List<String> args) {
    private static final Pattern MNEMONIC = Pattern.compile("[A-Z]{2,8}");
    private static final Pattern ARG = Pattern.compile("[A-Z0-9.+-]{1,16}");

    public CameraCommand {
        if (mnemonic == null || !MNEMONIC.matcher(mnemonic).matches()) {
            throw new IllegalArgumentException("camera mnemonic must be 2-8 capital letters: '" + mnemonic + "'");
        }
        args = List.copyOf(args);
        for (String arg : args) {
            if (!ARG.matcher(arg).matches()) {
                throw new IllegalArgumentException("camera argument must be 1-16 of A-Z 0-9 . + -: '" + arg + "'");
            }
        }
        if (query && !args.isEmpty()) {
            throw new IllegalArgumentException("a query takes no arguments: " + mnemonic + "? " + args);
        }
    }

    public static CameraCommand query(String mnemonic) {
        return new CameraCommand(mnemonic, true, List.of());
    }

    public static CameraCommand set(String mnemonic, String... args) {
        return new CameraCommand(mnemonic, false, List.of(args));
    }

    public static CameraCommand integrationMicros(int micros) {
        return set("INT", Integer.toString(micros));
    }

    public static CameraCommand frameRateHz(double hz) {
        return set("FPS", formatHz(hz));
    }

    public static CameraCommand spectralBinning(int factor) {
        return set("BINS", Integer.toString(factor));
    }

    public static CameraCommand spatialBinning(int factor) {
        return set("BINX", Integer.toString(factor));
    }

    public static CameraCommand regionOfInterest(int firstPixel, int pixels) {
        return set("ROI", Integer.toString(firstPixel), Integer.toString(pixels));
    }

    public static CameraCommand shutter(boolean open) {
        return set("SHUT", open ? "OPEN" : "CLOSED");
    }

    public static CameraCommand acquisition(boolean start) {
        return set("ACQ", start ? "START" : "STOP");
    }

    /** Frame rates travel with exactly three decimals. */
    public static String formatHz(double hz) {
        return String.format(Locale.ROOT, "%.3f", hz);
    }

    /** The line to send, without terminator. */
    public String format() {
        return query ? mnemonic + "?" : args.isEmpty() ? mnemonic : mnemonic + " " + String.join(" ", args);
    }

    /**
     * Parses a received command line; surrounding blanks and repeated spaces are tolerated.
     *
     * @throws IllegalArgumentException if it is not of the form above
     */
    public static CameraCommand parse(String line) {
        String[] words = line.strip().split(" +");
        if (words.length == 0 || words[0].isEmpty()) {
            throw new IllegalArgumentException("empty camera command");
        }
        boolean query = words[0].endsWith("?");
        String mnemonic = query ? words[0].substring(0, words[0].length() - 1) : words[0];
        try {
            return new CameraCommand(mnemonic, query, Arrays.asList(words).subList(1, words.length));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " in '" + Ascii.escape(line) + "'", e);
        }
    }
}
