package io.hyclus.report;

/** The report module's failure: nothing at all could be reported, with what was missing and where. */
public class ReportException extends RuntimeException {
    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
