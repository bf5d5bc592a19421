package io.hyclus.app.demo;

import io.hyclus.acquisition.scan.ScanCamera;
import io.hyclus.core.HyclusVersion;
import io.hyclus.core.library.SpectralLibrary;
import io.hyclus.core.tray.TrayLayout;
import io.hyclus.hardware.camera.CameraSettings;
import io.hyclus.simulator.scene.BeltScene;
import io.hyclus.simulator.camera.CameraModel;
import io.hyclus.simulator.campaign.CampaignGenerator;
import io.hyclus.simulator.scene.EndmemberSpectra;
import io.hyclus.simulator.scene.SceneSettings;
import io.hyclus.simulator.camera.SimulatedLineScanCamera;
import io.hyclus.simulator.scene.SimulatedSample;
import io.hyclus.simulator.campaign.TrayPlanner;

import java.time.InstantSource;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The demo's tray on the simulated belt: samples drawn from the seeded reference campaign (alternating
 * grain-size fractions, cycling through the plants), the scene, and a simulated VNIR camera over it.
 */
record DemoTray(String scanId, TrayLayout layout, ScanCamera camera, double whiteReferenceYmm,
                Map<String, String> provenance) {
    /** Encoder position at which the tray's leading edge passes under the camera: 1 m of belt. */
    static final long TRAY_ORIGIN_ENCODER_MICRONS = 1_000_000;
    static final YearMonth CAMPAIGN_START = YearMonth.of(2025, 1);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    static DemoTray build(DemoSettings s, SpectralLibrary library, InstantSource clock) {
        List<SimulatedSample> campaign = new CampaignGenerator(s.seed()).generate(CAMPAIGN_START);
        List<SimulatedSample> chosen = choose(campaign, s.samples());
        TrayPlanner.SimulatedTray tray = TrayPlanner.plan(chosen, chosen.size(), "demo").get(0);
        BeltScene scene = new BeltScene(tray.layout(), tray.samples(), SceneSettings.defaults());
        CameraModel model = CameraModel.vnir(s.pixels(), s.bands());
        AtomicReference<CameraSettings> control = new AtomicReference<>(CameraSettings.defaults(s.pixels()).withAcquiring(true));
        SimulatedLineScanCamera cam = new SimulatedLineScanCamera(model, scene, new EndmemberSpectra(library),
                TRAY_ORIGIN_ENCODER_MICRONS, control::get, clock, s.seed());
        ScanCamera scanCamera = new ScanCamera(cam.effectiveSensor(), cam.geometry(), cam,
                open -> control.updateAndGet(c -> c.withShutterOpen(open)));
        String scanId = tray.layout().trayId() + "-" + STAMP.format(clock.instant());
        Map<String, String> prov = new LinkedHashMap<>();
        prov.put("software.version", HyclusVersion.get());
        prov.put("simulator.seed", String.valueOf(s.seed()));
        prov.put("simulator.library", library.name());
        prov.put("simulator.library_sha256", library.contentHash());
        prov.put("simulator.camera", model.sensor().id() + " " + model.sensor().pixels() + " px x "
                + model.sensor().bands() + " bands, " + model.sensor().grid());
        for (SimulatedSample smp : tray.samples()) {
            prov.put("simulator.mixture." + smp.metadata().sampleId(), smp.mixture().components().stream()
                    .map(c -> String.format("%s %.3f", c.mineral(), c.fraction())).collect(Collectors.joining(", ")));
        }
        return new DemoTray(scanId, tray.layout(), scanCamera, scene.whiteReferenceCentreMm(), prov);
    }

    /** Sample i: plant i/2 mod 3, month i/6, fraction alternating, so a few samples already show all three factors. */
    private static List<SimulatedSample> choose(List<SimulatedSample> campaign, int n) {
        List<SimulatedSample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int plant = (i / 2) % 3;
            int month = i / 6;
            int fraction = i % 2;
            out.add(campaign.get(plant * 24 + month * 2 + fraction));
        }
        return out;
    }
}
