package io.hyclus.app.devices;

import io.hyclus.app.Main;
import io.hyclus.app.rig.SimulatedDevices;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.hardware.camera.control.CameraIdentity;
import io.hyclus.simulator.fault.FaultInjection;
import io.hyclus.simulator.fault.FaultKind;
import io.hyclus.simulator.fault.FaultPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator commands against simulated devices on pseudo-terminals, through the real serial stack. */
@Timeout(60)
class DeviceCommandsIT {
    private SimulatedDevices devices;

    @BeforeEach
    void start() {
        devices = SimulatedDevices.start(List.of(CameraIdentity.vnir("SN1"), CameraIdentity.swir("SN2")),
                Map.of(SensorKind.SWIR, FaultPlan.of(1, FaultInjection.on("IDN?", FaultKind.SILENCE).persistent())),
                FaultPlan.none(), InstantSource.system(), 1);
    }

    @AfterEach
    void stop() {
        devices.close();
    }

    private record Run(int rc, String out) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int rc = cl.execute(args);
        return new Run(rc, out.toString());
    }

    @Test
    void devices_queriesEach_reportsTheSilentOne_exit1() {
        Run r = run("devices", "--conveyor", devices.conveyorPort(), "--vnir", devices.cameraPort(SensorKind.VNIR),
                "--swir", devices.cameraPort(SensorKind.SWIR));
        assertEquals(1, r.rc(), r.out());
        assertTrue(r.out().startsWith("Serial ports:"), r.out());
        assertTrue(r.out().contains("conveyor " + devices.conveyorPort() + ": Zaber conveyor at 0.000 mm, idle"), r.out());
        assertTrue(r.out().contains("vnir     " + devices.cameraPort(SensorKind.VNIR) + ": CameraIdentity[kind=VNIR, "
                + "model=HC-VNIR-1024, serialNumber=SN1"), r.out());
        assertTrue(r.out().contains("swir     " + devices.cameraPort(SensorKind.SWIR) + ": FAILED: "), r.out());
        assertTrue(r.out().contains("IDN?"), r.out());
    }

    @Test
    void belt_movesAndReportsWhereItEnded() {
        String port = devices.conveyorPort();
        Run moved = run("belt", "--port", port, "move-to", "25.5");
        assertEquals(0, moved.rc(), moved.out());
        // Positions are whole microsteps of 1/503.937 mm: 25.5 mm is 12850 steps = 25.4992 mm.
        assertEquals("conveyor at 25.499 mm, idle", moved.out().strip());
        assertEquals(12850 / 503.937, devices.belt().snapshot().positionMm(), 1e-6);
        Run by = run("belt", "--port", port, "move-by", "-5");
        // -5 mm is -2520 steps: 10330 steps = 20.4987 mm.
        assertEquals("conveyor at 20.499 mm, idle", by.out().strip());
        Run home = run("belt", "--port", port, "home");
        assertEquals("conveyor at 0.000 mm, idle", home.out().strip());
    }

    @Test
    void camera_setsAndReadsBack_refusesOutOfRangeBeforeSending() {
        String port = devices.cameraPort(SensorKind.VNIR);
        Run set = run("camera", "--port", port, "--kind", "VNIR", "--integration-us", "4000", "--frame-rate", "120",
                "--roi", "100,512", "--shutter", "closed");
        assertEquals(0, set.rc(), set.out());
        var now = devices.camera(SensorKind.VNIR).settings();
        assertEquals(4000, now.integrationMicros());
        assertEquals(120.0, now.frameRateHz());
        assertEquals(100, now.roiFirstPixel());
        assertEquals(512, now.roiPixels());
        assertEquals(false, now.shutterOpen());
        assertTrue(set.out().contains("integrationMicros=4000"), set.out());
        Run bad = run("camera", "--port", port, "--kind", "VNIR", "--integration-us", "200000");
        assertEquals(1, bad.rc(), bad.out());
        assertTrue(bad.out().startsWith("hyclus: integration time must be 1-100000 us: 200000"), bad.out());
        assertEquals(4000, devices.camera(SensorKind.VNIR).settings().integrationMicros(), "camera unchanged");
        Run wrongKind = run("camera", "--port", port, "--kind", "SWIR");
        assertEquals(1, wrongKind.rc(), wrongKind.out());
        assertTrue(wrongKind.out().contains("VNIR"), wrongKind.out());
    }
}
