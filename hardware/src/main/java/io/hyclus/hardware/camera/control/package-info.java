/**
 * Camera control over the cameras' ASCII serial link (see docs/camera-protocol.md): the
 * {@link io.hyclus.hardware.camera.control.CameraControl} role, its serial driver, the command and reply grammar
 * and the ranges both ends enforce.
 */
package io.hyclus.hardware.camera.control;
