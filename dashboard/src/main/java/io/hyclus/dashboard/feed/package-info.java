/**
 * The dashboard's view of the pipeline, built from HyClus's topics only: the scan in progress (waterfall rows, slot
 * states, device readings), the live map, per-sample details and throughput counters.
 */
package io.hyclus.dashboard.feed;
