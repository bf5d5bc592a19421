package io.hyclus.envi;

import java.nio.ByteBuffer;

/** The ENVI data types HyClus reads and writes, with their header codes and sizes. */
public enum EnviDataType {
    /** Code 2: signed 16-bit integer. */
    INT16(2, 2, -32768, 32767),
    /** Code 4: 32-bit IEEE float. */
    FLOAT32(4, 4, -Float.MAX_VALUE, Float.MAX_VALUE),
    /** Code 12: unsigned 16-bit integer, the raw counts of most cameras. */
    UINT16(12, 2, 0, 65535);

    private final int code;
    private final int bytes;
    private final double min;
    private final double max;

    EnviDataType(int code, int bytes, double min, double max) {
        this.code = code;
        this.bytes = bytes;
        this.min = min;
        this.max = max;
    }

    /** The header's {@code data type} code. */
    public int code() {
        return code;
    }

    public int bytes() {
        return bytes;
    }

    static EnviDataType ofCode(String value, String where) {
        String v = value.trim();
        for (EnviDataType t : values()) {
            if (Integer.toString(t.code).equals(v)) {
                return t;
            }
        }
        throw new EnviFormatException(where + ": unsupported data type '" + v + "' (HyClus reads 2 = int16, "
                + "4 = float32, 12 = uint16)");
    }

    float get(ByteBuffer b) {
        return switch (this) {
            case INT16 -> b.getShort();
            case UINT16 -> b.getShort() & 0xFFFF;
            case FLOAT32 -> b.getFloat();
        };
    }

    /**
     * Puts {@code v}; integer types take integral values in range only.
     *
     * @return false if {@code v} does not fit this type (nothing is put then)
     */
    boolean put(ByteBuffer b, float v) {
        if (this == FLOAT32) {
            b.putFloat(v);
            return true;
        }
        if (!(v >= min && v <= max) || v != Math.rint(v)) {
            return false;
        }
        b.putShort((short) (int) v);
        return true;
    }
}
