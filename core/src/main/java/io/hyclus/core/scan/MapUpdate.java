package io.hyclus.core.scan;

/** Why points of a sample are published on the map topic. */
public enum MapUpdate {
    /**
     * The points belong to a newly fitted map version (the first map of a model, or a re-fit): all records of that
     * version marked {@code FITTED} together are the new map, so a dashboard drops every point of older versions.
     */
    FITTED,
    /** A new sample's points placed onto the current map version; the map's other points did not move. */
    ADDED
}
