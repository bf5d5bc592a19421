package io.hyclus.container;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleContainerFormatTest {
    @Test
    void containerFiles_areTheSampleH5Files_notTheirCodesSiblingsOrPartials() {
        assertTrue(SampleContainerFormat.isContainerFile(Path.of("/w/samples/scan-1/P1-2025-01-M100.h5")));
        assertFalse(SampleContainerFormat.isContainerFile(Path.of("/w/samples/scan-1/P1-2025-01-M100.codes.h5")));
        assertFalse(SampleContainerFormat.isContainerFile(Path.of("/w/samples/scan-1/P1-2025-01-M100.h5.partial")));
        assertFalse(SampleContainerFormat.isContainerFile(Path.of("/w/samples/scan-1/notes.txt")));
    }
}
