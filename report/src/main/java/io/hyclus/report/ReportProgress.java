package io.hyclus.report;

/** Told as the report advances: step {@code done} of about {@code total}, and what is being done now. */
@FunctionalInterface
public interface ReportProgress {
    ReportProgress NONE = (done, total, what) -> { };

    void step(int done, int total, String what);
}
