package io.hyclus.analysis.livemap;

/** Where tests make the live map service stop as a crash would. {@link #NONE} in production. */
@FunctionalInterface
public interface MapFaults {
    MapFaults NONE = sample -> false;

    /**
     * Asked after a sample's points were published and flushed, before the map is saved: true halts the service there
     * (nothing saved, no offsets committed), as a process killed at that moment.
     */
    boolean haltBeforeSave(MapSample sample);
}
