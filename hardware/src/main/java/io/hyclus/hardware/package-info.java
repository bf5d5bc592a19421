/**
 * Devices over the belt: the conveyor and the two line-scan cameras, their device interfaces and real drivers (the simulators live in the `simulator` module).
 * Camera-specific code stays here; calibration, file formats and analysis live in other modules.
 */
package io.hyclus.hardware;
