/**
 * The autoencoder benchmark harness (bench/autoencoder.sh): HyClus's DL4J networks timed on the same raw float32 file
 * as the PyTorch peer. Not a test; prints figures only.
 */
package io.hyclus.analysis.model.bench;
