/**
 * HyClus's Kafka plumbing shared by acquisition and streaming: topics declared once with their serdes, the one
 * record-size limit, and topic administration. Needs only kafka-clients; the embedded broker is its own module.
 */
package io.hyclus.kafka;
