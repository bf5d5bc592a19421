/**
 * Reads the per-sample HDF5 containers that streaming writes (format hyclus-sample-container/1).
 */
package io.hyclus.analysis.container;
