/**
 * A simulated conveyor: trapezoidal motion with a clock injected, an encoder, stalls.
 */
package io.hyclus.simulator.conveyor;
