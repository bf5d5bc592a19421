/**
 * The simulated scene and its physics: belt, white strip, trays and samples built from library mineral spectra
 * (Kubelka-Munk intimate mixing, grain size, grain-to-grain variation), surfaces and their reflectance.
 */
package io.hyclus.simulator.scene;
