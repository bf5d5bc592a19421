package io.hyclus.kafka.topic;

/**
 * Headers of a dead-letter record (its key and value are the original record's bytes, unchanged): why it could not be
 * used and where it came from. Values are UTF-8 text; partition and offset are decimal.
 */
public final class DeadLetterHeaders {
    /** Why the record could not be used, naming what and where (file, camera, band...). */
    public static final String ERROR = "hyclus.error";
    public static final String SOURCE_TOPIC = "hyclus.source.topic";
    public static final String SOURCE_PARTITION = "hyclus.source.partition";
    public static final String SOURCE_OFFSET = "hyclus.source.offset";

    private DeadLetterHeaders() {
    }
}
