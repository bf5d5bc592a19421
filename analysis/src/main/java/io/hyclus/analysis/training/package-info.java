/**
 * Training data from sample containers (filters, seeded subsampling, whole-sample or random validation split, data
 * hash) and the training run that fits a model on it and stores it in the registry.
 */
package io.hyclus.analysis.training;
