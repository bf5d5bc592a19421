/**
 * HyClus's topics, each declared once with its key and value serdes, and their creation on a cluster.
 */
package io.hyclus.kafka.topic;
