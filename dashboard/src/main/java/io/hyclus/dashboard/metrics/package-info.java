/** Prometheus metrics of a HyClus process: one registry, served at {@code /metrics}. */
package io.hyclus.dashboard.metrics;
