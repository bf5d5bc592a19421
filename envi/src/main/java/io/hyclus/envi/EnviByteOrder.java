package io.hyclus.envi;

import java.nio.ByteOrder;

/** The header's {@code byte order}: 0 little-endian (least significant byte first), 1 big-endian. */
public enum EnviByteOrder {
    LITTLE_ENDIAN(0, ByteOrder.LITTLE_ENDIAN),
    BIG_ENDIAN(1, ByteOrder.BIG_ENDIAN);

    private final int code;
    private final ByteOrder order;

    EnviByteOrder(int code, ByteOrder order) {
        this.code = code;
        this.order = order;
    }

    public int code() {
        return code;
    }

    public ByteOrder order() {
        return order;
    }

    static EnviByteOrder ofCode(String value, String where) {
        return switch (value.trim()) {
            case "0" -> LITTLE_ENDIAN;
            case "1" -> BIG_ENDIAN;
            default -> throw new EnviFormatException(where + ": byte order must be 0 (little-endian) or 1 (big-endian): '"
                    + value.trim() + "'");
        };
    }
}
