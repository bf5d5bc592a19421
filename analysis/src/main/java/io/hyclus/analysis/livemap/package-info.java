/**
 * The live map service: consumes the codes topic, places a seeded subsample of each new sample's codes onto a live
 * t-SNE map ({@link io.hyclus.analysis.embed}), publishes the points to the map topic and re-fits on a reservoir when
 * the map has drifted (docs/live-map.md).
 */
package io.hyclus.analysis.livemap;
