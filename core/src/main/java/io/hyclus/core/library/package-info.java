/**
 * Reads the public mineral reflectance spectra HyClus simulates from (USGS splib07a and JPL/ASTER,
 * in a folder with an {@code index.csv}; the simulator module bundles one): the index, the per-instrument wavelength files, deleted
 * channels and the JPL percent scale.
 */
package io.hyclus.core.library;
