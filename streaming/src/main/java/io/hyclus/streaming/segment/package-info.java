/**
 * Segmentation of scans into samples: which pixels of a line fall in which tray slot, the per-slot line
 * fragments kept in a state store until the scan completes, and the topology that ties them together.
 */
package io.hyclus.streaming.segment;
