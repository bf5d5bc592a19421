/**
 * Acquisition: runs a tray scan (references, then lines), calibrates raw frames to reflectance and
 * publishes scan events to Kafka.
 */
package io.hyclus.acquisition;
