/**
 * The belt: a {@link io.hyclus.hardware.conveyor.Conveyor} role and its Zaber ASCII driver, with the protocol's
 * message types, warning flags and unit conversions.
 */
package io.hyclus.hardware.conveyor;
