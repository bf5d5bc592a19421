/**
 * Serial-line fixtures: pairs of connected pseudo-terminals made by socat, so that drivers and simulators talk
 * over real serial ports in integration tests.
 */
package io.hyclus.testkit.serial;
