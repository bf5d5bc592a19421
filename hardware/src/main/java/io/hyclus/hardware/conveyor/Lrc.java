package io.hyclus.hardware.conveyor;

/**
 * The Zaber ASCII checksum: the two's complement of the byte sum (mod 256) of the message between its type
 * character and the colon, sent as two upper-case hex digits.
 */
final class Lrc {
    private Lrc() {
    }

    static int of(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum = (sum + body.charAt(i)) & 0xFF;
        }
        return (0x100 - sum) & 0xFF;
    }

    static String hex(String body) {
        return String.format("%02X", of(body));
    }
}
