/**
 * The live dashboard: a Kafka consumer of HyClus's topics ({@code feed}) whose state is pushed to browsers over
 * server-sent events ({@code web}), and Prometheus metrics for every HyClus process ({@code metrics}).
 */
package io.hyclus.dashboard;
