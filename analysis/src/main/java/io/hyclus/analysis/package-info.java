/**
 * Analysis of sample containers, which it reads through {@code io.hyclus.container}; in later stages latent codes,
 * maps, clustering and reports.
 */
package io.hyclus.analysis;
