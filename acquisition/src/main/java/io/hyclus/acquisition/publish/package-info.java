/**
 * Publishing scan events to Kafka, keyed by scan id so one scan's events stay in order on one partition.
 */
package io.hyclus.acquisition.publish;
