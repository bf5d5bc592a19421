/**
 * Simulated devices, seeded and clocked by injection: a belt scene of trays and mineral samples built from
 * real library spectra, line-scan cameras that turn it into raw 12-bit frames, a belt motion model, and a
 * Zaber ASCII device and camera control link served over real serial ports with configurable faults.
 */
package io.hyclus.hardware.sim;
