package io.hyclus.app.rig;

import io.hyclus.core.HyclusVersion;
import io.hyclus.core.library.SpectralLibrary;
import io.hyclus.core.provenance.Provenance;
import io.hyclus.core.provenance.ProvenanceKey;
import io.hyclus.core.provenance.ProvenanceKeys;
import io.hyclus.core.tray.TrayLayout;
import io.hyclus.simulator.campaign.CampaignGenerator;
import io.hyclus.simulator.campaign.TrayPlanner.SimulatedTray;
import io.hyclus.simulator.scene.BeltScene;
import io.hyclus.simulator.scene.EndmemberSpectra;
import io.hyclus.simulator.scene.SceneSettings;
import io.hyclus.simulator.scene.SimulatedSample;
import io.hyclus.simulator.spectra.BundledLibrary;

import java.nio.file.Path;
import java.time.InstantSource;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The simulated reference campaign as every command scans it: its samples (seeded, from {@link #START}), the scene
 * of a tray on the belt, the id of each tray's scan, and the simulator's provenance. The demo and the campaign both
 * take these from here.
 */
public final class SimulatedCampaign {
    /** The campaign's first month: samples are drawn monthly from here. */
    public static final YearMonth START = YearMonth.of(2025, 1);
    /** Seed of the sample design and of every simulator on the rig. */
    public static final ProvenanceKey SEED = ProvenanceKeys.SIMULATOR.child("seed");
    /** Name of the spectral library the scene's spectra come from. */
    public static final ProvenanceKey LIBRARY = ProvenanceKeys.SIMULATOR.child("library");
    /** SHA-256 of the library's content, so a changed file shows even under the same name. */
    public static final ProvenanceKey LIBRARY_SHA256 = ProvenanceKeys.SIMULATOR.child("library_sha256");
    /** The {@link RigSettings} the cameras were simulated with. */
    public static final ProvenanceKey RIG = ProvenanceKeys.SIMULATOR.child("rig");
    /** One child per sample id: its minerals and their fractions. */
    public static final ProvenanceKey MIXTURE = ProvenanceKeys.SIMULATOR.child("mixture");
    /** Scan ids are {@code <trayId>-<UTC start, to the millisecond>}. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final RigSettings rig;
    private final SpectralLibrary library;
    private final EndmemberSpectra spectra;
    private final InstantSource clock;

    private SimulatedCampaign(RigSettings rig, SpectralLibrary library, InstantSource clock) {
        this.rig = rig;
        this.library = library;
        this.spectra = new EndmemberSpectra(library);
        this.clock = clock;
    }

    /** Opens the spectral library at once (the bundled one when {@code libraryDir} is empty), so a bad one fails first. */
    public static SimulatedCampaign open(Optional<Path> libraryDir, RigSettings rig, InstantSource clock) {
        return new SimulatedCampaign(rig, BundledLibrary.openOrBundled(libraryDir), clock);
    }

    public RigSettings rig() {
        return rig;
    }

    public EndmemberSpectra spectra() {
        return spectra;
    }

    /** The 72 samples: 3 plants x 12 months from {@link #START} x 2 grain-size fractions, seeded by the rig's seed. */
    public List<SimulatedSample> samples() {
        return new CampaignGenerator(rig.seed()).generate(START);
    }

    /** A tray on the belt with the default scene geometry. */
    public BeltScene scene(SimulatedTray tray) {
        return new BeltScene(tray.layout(), tray.samples(), SceneSettings.defaults());
    }

    /** A new scan of {@code tray}, stamped with the time now. */
    public String scanId(TrayLayout tray) {
        return tray.trayId() + "-" + STAMP.format(clock.instant());
    }

    /** Software version and simulator: seed, library name and content hash, rig, each sample's mixture. */
    public Provenance provenance(SimulatedTray tray) {
        Provenance.Builder b = Provenance.builder()
                .put(ProvenanceKeys.SOFTWARE_VERSION, HyclusVersion.get())
                .put(SEED, rig.seed())
                .put(LIBRARY, library.name())
                .put(LIBRARY_SHA256, library.contentHash())
                .put(RIG, rig.toString());
        for (SimulatedSample s : tray.samples()) {
            b.put(MIXTURE.child(s.metadata().sampleId()), s.mixture().components().stream()
                    .map(c -> String.format(Locale.ROOT, "%s %.3f", c.mineral(), c.fraction())).collect(Collectors.joining(", ")));
        }
        return b.build();
    }
}
