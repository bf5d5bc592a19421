/**
 * The scanning rig: conveyor and cameras behind their serial drivers. In simulation each device is a simulator
 * serving its protocol on one end of a socat pty pair, and the driver opens the other end, so the real serial
 * stack runs.
 */
package io.hyclus.app.rig;
