/**
 * Devices over the belt: the conveyor and the two line-scan cameras, their drivers and their simulators.
 * Camera-specific code stays here; calibration, file formats and analysis live in other modules.
 */
package io.hyclus.hardware;
