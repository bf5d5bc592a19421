/**
 * The ENVI raster format in one place: header parsing and writing ({@link io.hyclus.envi.EnviHeaderFormat}), line by
 * line reading and writing of BIL, BIP and BSQ rasters of uint16, int16 and float32 in either byte order
 * ({@link io.hyclus.envi.EnviReader}, {@link io.hyclus.envi.EnviWriter}), and Specim's capture layout
 * ({@link io.hyclus.envi.SpecimCapture}). Depends on core only; camera code stays elsewhere.
 */
package io.hyclus.envi;
