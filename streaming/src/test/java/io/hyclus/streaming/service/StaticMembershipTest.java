package io.hyclus.streaming.service;

import io.hyclus.streaming.StreamingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaticMembershipTest {
    @TempDir
    Path dir;

    @Test
    void instanceId_isKeptInTheStateDir_sameAtRestart_otherForAnotherDir() {
        String first = StaticMembership.instanceId(dir.resolve("a/streams"));
        assertTrue(first.matches("hyclus-[0-9a-f-]{36}"), first);
        assertEquals(first, StaticMembership.instanceId(dir.resolve("a/streams")));
        assertNotEquals(first, StaticMembership.instanceId(dir.resolve("b/streams")));
    }

    @Test
    void instanceId_garbledFile_namesFileAndFix() throws Exception {
        Files.writeString(dir.resolve(StaticMembership.FILE), "x y");
        StreamingException e = assertThrows(StreamingException.class, () -> StaticMembership.instanceId(dir));
        assertEquals(dir.resolve(StaticMembership.FILE) + " holds 'x y', expected hyclus-<uuid>; delete it to get a new"
                + " instance id", e.getMessage());
    }
}
