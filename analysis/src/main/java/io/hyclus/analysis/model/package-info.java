/**
 * Models that compress spectra to a few numbers: PCA, the reference study's dense autoencoder and a 1-D
 * convolutional one (DL4J), the MinMax scaler stored with each, and the versioned model registry.
 */
package io.hyclus.analysis.model;
