package io.hyclus.container;

import io.hyclus.core.Checks;
import io.hyclus.core.tray.SampleMetadata;

import java.nio.file.Path;

/**
 * Which sample a container holds, as read from its root attributes alone ({@link SampleContainerReader#readHeader}).
 *
 * @param format one of {@link SampleContainerFormat#READABLE}
 */
public record SampleHeader(Path file, String format, String scanId, String trayId, SampleMetadata metadata) {
    public SampleHeader {
        Checks.notNull("container file", file);
        Checks.notBlank("container format", format);
        Checks.notBlank("scan id", scanId);
        Checks.notBlank("tray id", trayId);
        Checks.notNull("sample metadata", metadata);
    }
}
