/**
 * {@code hyclus replay} and {@code hyclus export --scan}: a recorded scan read back from Kafka (its start and completion
 * on {@code hyclus.scan-events}, its raw frames on {@code hyclus.raw-frames}) and recalibrated into a replay's own
 * topics, segmentation and codes, or written as an ENVI capture (docs/replay.md).
 */
package io.hyclus.app.replay;
