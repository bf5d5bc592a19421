/**
 * Analysis of sample containers: reading them back, and (in later stages) latent codes, maps, clustering
 * and reports.
 */
package io.hyclus.analysis;
