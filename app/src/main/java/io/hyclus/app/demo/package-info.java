/**
 * {@code hyclus demo}: a simulated tray scanned by a simulated VNIR camera, calibrated, streamed through
 * Kafka and segmented into one HDF5 container per sample.
 */
package io.hyclus.app.demo;
