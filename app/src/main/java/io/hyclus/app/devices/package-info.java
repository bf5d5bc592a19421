/**
 * Operator commands for the devices over the belt: {@code hyclus devices} lists serial ports and queries each
 * configured device; {@code hyclus belt} moves the conveyor; {@code hyclus camera} reads and sets a camera's
 * parameters; {@code hyclus simulate-devices} serves simulated devices on pseudo-terminals to try them on.
 */
package io.hyclus.app.devices;
