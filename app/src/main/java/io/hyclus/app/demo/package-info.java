/**
 * {@code hyclus demo}: a preset of the campaign's scan path, one simulated tray scanned by both simulated cameras on
 * the in-process rig, calibrated, streamed through Kafka and segmented into one HDF5 container per sample.
 */
package io.hyclus.app.demo;
