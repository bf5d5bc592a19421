package io.hyclus.simulator.scene;

import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.TrayLayout;
import io.hyclus.core.tray.TraySlot;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What lies on the belt: a white reference strip, then a tray whose containers hold simulated samples.
 * Answers, for a point in tray millimetres, which surface is there.
 */
public final class BeltScene {
    /** The surface at a point; {@code slot} is set for walls and samples, {@code shadowed} for samples. */
    public record Hit(SurfaceKind kind, TraySlot slot, boolean shadowed) {
    }

    private static final Hit BELT = new Hit(SurfaceKind.BELT, null, false);
    private static final Hit WHITE = new Hit(SurfaceKind.WHITE_REFERENCE, null, false);
    private static final Hit TRAY = new Hit(SurfaceKind.TRAY, null, false);

    private final TrayLayout tray;
    private final Map<String, SimulatedSample> samples;
    private final SceneSettings settings;

    public BeltScene(TrayLayout tray, List<SimulatedSample> samples, SceneSettings settings) {
        this.tray = tray;
        this.settings = settings;
        this.samples = samples.stream().collect(Collectors.toUnmodifiableMap(s -> s.metadata().sampleId(), s -> s));
        for (TraySlot slot : tray.slots()) {
            SimulatedSample s = this.samples.get(slot.sample().sampleId());
            if (s == null) {
                throw new IllegalArgumentException("tray " + tray.trayId() + " slot " + slot.index() + " holds sample "
                        + slot.sample().sampleId() + " but no mixture was given for it");
            }
            if (!s.metadata().equals(slot.sample())) {
                throw new IllegalArgumentException("sample " + slot.sample().sampleId() + " on tray " + tray.trayId()
                        + " has metadata " + slot.sample() + " but the simulated sample says " + s.metadata());
            }
        }
    }

    public TrayLayout tray() {
        return tray;
    }

    public SceneSettings settings() {
        return settings;
    }

    public SimulatedSample sample(String sampleId) {
        return samples.get(sampleId);
    }

    /** The y (tray mm) at the middle of the white reference strip. */
    public double whiteReferenceCentreMm() {
        return (settings.whiteStartMm() + settings.whiteEndMm()) / 2;
    }

    public Hit surfaceAt(double xMm, double yMm) {
        if (yMm >= settings.whiteStartMm() && yMm < settings.whiteEndMm()) {
            return WHITE;
        }
        if (xMm < 0 || yMm < 0 || xMm >= tray.widthMm() || yMm >= tray.lengthMm()) {
            return BELT;
        }
        double wall = settings.wallMm();
        for (TraySlot slot : tray.slots()) {
            RegionMm r = slot.region();
            if (r.contains(xMm, yMm)) {
                // The lamp shines from +x: the wall on the low-x side casts a shadow onto the sample.
                return new Hit(SurfaceKind.SAMPLE, slot, xMm < r.x0() + settings.shadowMm());
            }
            if (xMm >= r.x0() - wall && xMm < r.x1() + wall && yMm >= r.y0() - wall && yMm < r.y1() + wall) {
                return new Hit(SurfaceKind.WALL, slot, false);
            }
        }
        return TRAY;
    }
}
