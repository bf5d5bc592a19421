/**
 * Scanlines and the events that frame a tray scan (start, calibrated line, completion), plus the
 * geometry that maps a pixel and an encoder position onto the tray in millimetres.
 */
package io.hyclus.core.scan;
