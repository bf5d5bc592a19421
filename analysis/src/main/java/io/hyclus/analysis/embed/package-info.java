/**
 * t-SNE maps of latent codes: fit (perplexity-calibrated sparse affinities, FFT-accelerated interpolation gradient),
 * transform of new points onto a fixed map, and the saved-map file format. See {@code docs/tsne.md}.
 */
package io.hyclus.analysis.embed;
