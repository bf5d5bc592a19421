/**
 * Line-oriented ASCII over a serial port: a {@link io.hyclus.hardware.serial.SerialLink} role, its jSerialComm
 * implementation and the port settings. Protocols (Zaber, camera control) sit on top.
 */
package io.hyclus.hardware.serial;
