package io.hyclus.container;

import io.hyclus.core.HyclusException;

/** Base of the container module's exceptions: a container that cannot be written, or a file that is not one. */
public class ContainerException extends HyclusException {
    public ContainerException(String message) {
        super(message);
    }

    public ContainerException(String message, Throwable cause) {
        super(message, cause);
    }
}
