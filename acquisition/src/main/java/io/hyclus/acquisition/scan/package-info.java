/**
 * Tray scans: references first, then one calibrated line per line pitch over the tray, framed by a
 * start event (tray, cameras, provenance) and a completion event (line counts, degradations).
 */
package io.hyclus.acquisition.scan;
