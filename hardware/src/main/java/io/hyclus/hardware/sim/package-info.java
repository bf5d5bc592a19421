/**
 * Protocol-faithful simulators, seeded and clocked by injection: a belt motion model, a Zaber ASCII device and a
 * camera control link served over real serial ports, each with configurable fault injection.
 */
package io.hyclus.hardware.sim;
