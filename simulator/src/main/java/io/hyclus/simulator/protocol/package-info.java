/**
 * Device simulators served over real serial lines: the Zaber ASCII conveyor and the camera control protocol,
 * with socat pseudo-terminal pairs to connect drivers to them.
 */
package io.hyclus.simulator.protocol;
