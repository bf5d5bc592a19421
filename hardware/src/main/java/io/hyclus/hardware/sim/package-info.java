/**
 * Simulated devices, seeded and chosen by configuration: a belt scene of trays and mineral samples built
 * from real library spectra, and line-scan cameras that turn it into raw 12-bit frames through
 * illumination, sensor response and noise.
 */
package io.hyclus.hardware.sim;
