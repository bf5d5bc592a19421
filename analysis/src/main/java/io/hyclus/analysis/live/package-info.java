/**
 * The live encoder: consumes sample-container records, encodes every spectrum of each new sample with the promoted
 * model of its camera, writes the codes beside the container ({@link io.hyclus.analysis.live.CodesFile}) and publishes
 * them to the codes topic, exactly once per sample (docs/live-encoder.md).
 */
package io.hyclus.analysis.live;
