/** {@code hyclus dashboard}: the live dashboard as its own process beside a Kafka cluster. */
package io.hyclus.app.dashboard;
