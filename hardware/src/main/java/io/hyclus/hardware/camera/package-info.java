/**
 * Line-scan cameras: control settings and raw frames. Frames come through {@link io.hyclus.hardware.camera.FrameSource},
 * separate from control, each tagged with camera, sequence number, time and the triggering encoder position.
 */
package io.hyclus.hardware.camera;
