/**
 * {@code hyclus encode}: the live encoder on its own against a Kafka cluster, for deployment as its own process beside
 * segmentation.
 */
package io.hyclus.app.encode;
