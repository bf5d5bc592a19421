/**
 * {@code hyclus map}: the live map service on its own against a Kafka cluster, for deployment as its own process beside
 * the live encoder.
 */
package io.hyclus.app.map;
