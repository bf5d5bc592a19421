package io.hyclus.dashboard;

/** The dashboard could not do what it was asked (bind its address, reach its cluster...); the message says where. */
public class DashboardException extends RuntimeException {
    public DashboardException(String message, Throwable cause) {
        super(message, cause);
    }

    public DashboardException(String message) {
        super(message);
    }
}
