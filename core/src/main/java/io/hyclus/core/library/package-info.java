/**
 * Reads the public mineral reflectance spectra HyClus simulates from (USGS splib07a and JPL/ASTER,
 * as stored in {@code shared/data/usgs}): the index, the per-instrument wavelength files, deleted
 * channels and the JPL percent scale.
 */
package io.hyclus.core.library;
