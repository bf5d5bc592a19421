package io.hyclus.core.tray;

import io.hyclus.core.Checks;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A tray and its slots. Slot regions lie within the tray, do not overlap, and carry distinct slot
 * indices and sample ids, so every point of the tray belongs to at most one sample.
 *
 * @param trayId   identifier, safe as a file name
 * @param widthMm  across-track size of the tray, mm
 * @param lengthMm along-track size of the tray, mm
 * @param slots    the containers, copied
 */
public record TrayLayout(String trayId, double widthMm, double lengthMm, List<TraySlot> slots) {

    public TrayLayout {
        Checks.identifier("tray id", trayId);
        Checks.positive("tray width (mm)", widthMm);
        Checks.positive("tray length (mm)", lengthMm);
        Checks.notNull("slots of tray " + trayId, slots);
        slots = List.copyOf(slots);
        Set<Integer> indices = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < slots.size(); i++) {
            TraySlot s = slots.get(i);
            if (!s.region().within(widthMm, lengthMm)) {
                throw new IllegalArgumentException("slot " + s.index() + " (" + s.sample().sampleId() + ") region "
                        + s.region() + " is not within tray " + trayId + " of " + widthMm + " x " + lengthMm + " mm");
            }
            if (!indices.add(s.index())) {
                throw new IllegalArgumentException("tray " + trayId + " has slot index " + s.index() + " twice");
            }
            if (!ids.add(s.sample().sampleId())) {
                throw new IllegalArgumentException("tray " + trayId + " has sample " + s.sample().sampleId() + " twice");
            }
            for (int j = 0; j < i; j++) {
                if (slots.get(j).region().overlaps(s.region())) {
                    throw new IllegalArgumentException("tray " + trayId + ": slot " + s.index() + " overlaps slot "
                            + slots.get(j).index());
                }
            }
        }
    }

    /** The slot whose sample region contains tray point (x, y), if any. */
    public Optional<TraySlot> slotAt(double xMm, double yMm) {
        for (TraySlot s : slots) {
            if (s.region().contains(xMm, yMm)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public Optional<TraySlot> slotOf(String sampleId) {
        return slots.stream().filter(s -> s.sample().sampleId().equals(sampleId)).findFirst();
    }
}
