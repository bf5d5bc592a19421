package io.hyclus.analysis.livemap;

import io.hyclus.core.spectral.SensorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveMapStateFileTest {
    @TempDir
    Path dir;

    @Test
    void noState_isEmpty() {
        assertTrue(LiveMapStateFile.read(dir).isEmpty());
    }

    @Test
    void waitingForAFirstFit_roundTrips_withoutAMapFile() {
        Reservoir r = new Reservoir(100, 3, 9);
        LiveMapStateFile.save(dir, new LiveMapState(2, SensorKind.SWIR, "m@2", null, r, 0), false,
                Map.of(0, 17L, 1, 4L), Map.of());
        LiveMapStateFile.Saved back = LiveMapStateFile.read(dir).orElseThrow();
        assertEquals(2, back.state().version());
        assertEquals(SensorKind.SWIR, back.state().camera());
        assertEquals("m@2", back.state().modelRef());
        assertNull(back.state().map());
        assertEquals(0, back.state().reservoir().size());
        assertEquals(9, back.state().reservoir().seed());
        assertEquals(Map.of(0, 17L, 1, 4L), back.offsets());
        assertEquals(List.of("live-map.state"), List.of(dir.toFile().list()));
    }

    @Test
    void reservoirWithSamples_roundTrips() {
        Reservoir r = new Reservoir(50, 2, 5);
        r.offer(ClusterCodes.sample("A-1", 0, "m@1"), new int[] {3, 8}, new float[] {1, 2, 3, 4});
        r.offer(ClusterCodes.sample("B-1", 1, "m@1"), new int[] {0}, new float[] {5, 6});
        LiveMapStateFile.save(dir, new LiveMapState(0, SensorKind.VNIR, "m@1", null, r, 0), false, Map.of(),
                Map.of("livemap.seed", "5"));
        Reservoir back = LiveMapStateFile.read(dir).orElseThrow().state().reservoir();
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, back.codes());
        assertArrayEquals(new int[] {3, 8, 0}, back.rows());
        assertEquals(List.of(ClusterCodes.sample("A-1", 0, "m@1"), ClusterCodes.sample("B-1", 1, "m@1")),
                back.heldSamples());
        assertEquals(3, back.seen());
    }

    @Test
    void damagedFile_refusedNamingIt() throws Exception {
        LiveMapStateFile.save(dir, new LiveMapState(0, SensorKind.VNIR, "m@1", null, new Reservoir(100, 2, 1), 0),
                false, Map.of(), Map.of());
        Path file = dir.resolve(LiveMapStateFile.STATE);
        byte[] b = Files.readAllBytes(file);
        b[b.length / 2] ^= 1;
        Files.write(file, b);
        LiveMapException e = assertThrows(LiveMapException.class, () -> LiveMapStateFile.read(dir));
        assertEquals(file + ": checksum mismatch: the file is damaged", e.getMessage());
        Files.write(file, new byte[] {1, 2, 3});
        assertEquals(file + ": not a HyClus live map state (3 bytes)",
                assertThrows(LiveMapException.class, () -> LiveMapStateFile.read(dir)).getMessage());
    }
}
