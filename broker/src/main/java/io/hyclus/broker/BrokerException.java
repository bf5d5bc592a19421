package io.hyclus.broker;

import io.hyclus.core.HyclusException;

/** The embedded broker could not prepare its storage, start, or answer. */
public class BrokerException extends HyclusException {
    public BrokerException(String message) {
        super(message);
    }

    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
