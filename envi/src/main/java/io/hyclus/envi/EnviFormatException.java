package io.hyclus.envi;

/** A header or raster that breaks the format: missing or unknown fields, sizes that disagree, a truncated file. */
public final class EnviFormatException extends EnviException {
    public EnviFormatException(String message) {
        super(message);
    }
}
