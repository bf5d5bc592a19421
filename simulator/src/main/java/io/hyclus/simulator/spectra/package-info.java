/**
 * The mineral spectra bundled with HyClus (USGS splib07a and JPL, with their README) and how to open them, or
 * a library folder the user names instead.
 */
package io.hyclus.simulator.spectra;
