/**
 * Test fixtures shared by HyClus's modules: h5py read-back, bounded polling,
 * a manual clock and the spectral library.
 */
package io.hyclus.testkit;
