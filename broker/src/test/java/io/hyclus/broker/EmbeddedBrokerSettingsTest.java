package io.hyclus.broker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmbeddedBrokerSettingsTest {
    @TempDir
    Path dir;

    @Test
    void dataDirWithComma_isRefused_namingThePathAndWhy() {
        Path bad = dir.resolve("a,b");
        var e = assertThrows(IllegalArgumentException.class, () -> EmbeddedBrokerSettings.in(bad));
        assertEquals("broker data directory must not contain ',' (Kafka's log.dirs takes a comma as a separator"
                + " between directories): " + bad.toAbsolutePath(), e.getMessage());
    }

    @Test
    void dataDirWithoutComma_isTaken() {
        assertEquals(dir.resolve("kafka"), EmbeddedBrokerSettings.in(dir.resolve("kafka")).dataDir());
    }
}
