package io.hyclus.simulator.campaign;

import io.hyclus.simulator.scene.SimulatedSample;

import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.TrayLayout;
import io.hyclus.core.tray.TraySlot;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays samples out on trays of two container columns: each container's sample surface is
 * {@value #SAMPLE_WIDTH_MM} x {@value #SAMPLE_LENGTH_MM} mm, rows {@value #ROW_PITCH_MM} mm apart,
 * on a {@value #TRAY_WIDTH_MM} mm wide tray.
 */
public final class TrayPlanner {
    static final double TRAY_WIDTH_MM = 280;
    static final double SAMPLE_WIDTH_MM = 110;
    static final double SAMPLE_LENGTH_MM = 70;
    static final double ROW_PITCH_MM = 85;
    static final double[] COLUMN_X_MM = {20, 150};
    static final double FIRST_ROW_Y_MM = 15;

    /** A tray and the simulated samples on it. */
    public record SimulatedTray(TrayLayout layout, List<SimulatedSample> samples) {
    }

    private TrayPlanner() {
    }

    /** Fills trays of {@code slotsPerTray} containers in order; tray ids are {@code prefix-01}, {@code prefix-02}... */
    public static List<SimulatedTray> plan(List<SimulatedSample> samples, int slotsPerTray, String prefix) {
        if (slotsPerTray < 1 || slotsPerTray > 12) {
            throw new IllegalArgumentException("slots per tray must be 1-12: " + slotsPerTray);
        }
        List<SimulatedTray> trays = new ArrayList<>();
        for (int start = 0; start < samples.size(); start += slotsPerTray) {
            List<SimulatedSample> on = samples.subList(start, Math.min(samples.size(), start + slotsPerTray));
            String id = String.format("%s-%02d", prefix, trays.size() + 1);
            trays.add(new SimulatedTray(layout(id, on), List.copyOf(on)));
        }
        return trays;
    }

    static TrayLayout layout(String trayId, List<SimulatedSample> on) {
        List<TraySlot> slots = new ArrayList<>();
        for (int i = 0; i < on.size(); i++) {
            double x = COLUMN_X_MM[i % 2];
            double y = FIRST_ROW_Y_MM + (i / 2) * ROW_PITCH_MM;
            slots.add(new TraySlot(i, on.get(i).metadata(), new RegionMm(x, y, x + SAMPLE_WIDTH_MM, y + SAMPLE_LENGTH_MM)));
        }
        int rows = (on.size() + 1) / 2;
        double length = FIRST_ROW_Y_MM * 2 + (rows - 1) * ROW_PITCH_MM + SAMPLE_LENGTH_MM;
        return new TrayLayout(trayId, TRAY_WIDTH_MM, length, slots);
    }
}
