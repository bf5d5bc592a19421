/**
 * Test fixtures shared by HyClus's modules: a JVM-wide embedded broker, h5py read-back, bounded polling,
 * the spectral library, and serial pty pairs.
 */
package io.hyclus.testkit;
