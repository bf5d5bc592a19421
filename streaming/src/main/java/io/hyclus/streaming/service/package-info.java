/**
 * Running the segmentation topology: Kafka Streams configuration in one place, start, readiness and stop.
 */
package io.hyclus.streaming.service;
