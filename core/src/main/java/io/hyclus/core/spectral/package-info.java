/**
 * Spectral axes: wavelength grids with band centres and widths, sensor kinds and their ranges, and
 * resampling of a spectrum from one grid onto another through Gaussian band responses.
 */
package io.hyclus.core.spectral;
