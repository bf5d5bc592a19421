/**
 * Trays and what they carry: each slot holds one sample in a known region (millimetres, tray
 * coordinates), with the sample's plant of origin, month and grain-size fraction.
 */
package io.hyclus.core.tray;
