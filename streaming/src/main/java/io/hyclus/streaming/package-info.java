/**
 * Streaming: a Kafka Streams application that cuts each tray scan into its samples and writes one HDF5
 * container per sample through {@code io.hyclus.container}.
 */
package io.hyclus.streaming;
