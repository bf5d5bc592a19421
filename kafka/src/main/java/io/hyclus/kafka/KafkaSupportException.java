package io.hyclus.kafka;

import io.hyclus.core.HyclusException;

/** Base of the Kafka module's exceptions: broker start-up, topic administration. */
public class KafkaSupportException extends HyclusException {
    public KafkaSupportException(String message) {
        super(message);
    }

    public KafkaSupportException(String message, Throwable cause) {
        super(message, cause);
    }
}
