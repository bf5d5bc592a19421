package io.hyclus.streaming.segment;

import io.hyclus.streaming.StreamingException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A scan's completion could not write a container (disk full, output folder not writable). Thrown out of the
 * processor on purpose: the completion is not consumed. Under exactly-once the open transaction is aborted, so the
 * completion's offset is not committed, the sample-written records of the scan's other containers are discarded and
 * no fragment is deleted (they are deleted only after every container of the scan is written). The segmentation
 * then stops with this message ({@code SegmentationService}); started again once the cause is removed, it processes
 * the completion again and writes every container of the scan in full. Nothing partial is left visible: the writer
 * removes its {@code .partial} file.
 *
 * <p>The message names the scan, the sample, the file and the root cause (for example "No space left on device")
 * in one line; the full chain is kept as the cause.
 */
public final class ContainerWriteException extends StreamingException {
    private ContainerWriteException(String message, Throwable cause) {
        super(message, cause);
    }

    static ContainerWriteException of(String scanId, String sampleId, Path file, String completionWhere, Throwable e) {
        return new ContainerWriteException("cannot write container of sample " + sampleId + " (scan " + scanId + ") to "
                + file + ": " + rootMessage(e) + "; the completion at " + completionWhere + " is not consumed and the "
                + "scan's fragments are kept: remove the cause and start segmentation again to write the scan", e);
    }

    /**
     * The deepest cause's words (the operating system's, such as "No space left on device"), not the wrappers'; its
     * type is named unless it is a plain {@link IOException}, whose message is all there is to say.
     */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass() == IOException.class ? root.getMessage()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
