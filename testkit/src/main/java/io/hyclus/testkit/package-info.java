/**
 * Test fixtures shared by HyClus's modules: h5py read-back, bounded polling,
 * a manual clock, the spectral library, and a three-node Kafka cluster of separate JVMs ({@link io.hyclus.testkit.KafkaCluster}).
 */
package io.hyclus.testkit;
