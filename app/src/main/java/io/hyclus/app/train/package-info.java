/**
 * {@code hyclus train} (a model from sample containers into the registry, with a progress line per epoch) and
 * {@code hyclus models} (list, show and promote registry versions).
 */
package io.hyclus.app.train;
