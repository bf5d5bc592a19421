package io.hyclus.dashboard;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardSettingsTest {
    @Test
    void defaults_bindToLoopback() {
        assertEquals("127.0.0.1", DashboardSettings.DEFAULT_HOST);
    }

    @Test
    void badPort_namesIt() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> DashboardSettings.defaults("localhost:9092", "127.0.0.1", 70000, Map.of()));
        assertTrue(e.getMessage().contains("70000"), e.getMessage());
    }

    @Test
    void blankBootstrap_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> DashboardSettings.defaults(" ", "127.0.0.1", 0, Map.of()));
    }
}
