/**
 * HyClus's Kafka plumbing shared by acquisition and streaming: topics declared once with their serdes,
 * topic administration, client settings, and the embedded single-node KRaft broker that is the default
 * when no cluster is given.
 */
package io.hyclus.kafka;
