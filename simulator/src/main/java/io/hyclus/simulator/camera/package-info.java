/**
 * Simulated line-scan cameras: the physical camera model (illumination, QE, noise, saturation, defects) that
 * turns a scene into raw 12-bit frames.
 */
package io.hyclus.simulator.camera;
