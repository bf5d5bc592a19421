/**
 * Co-registration and spectral stitching: each VNIR line joined with the SWIR lines around it (along-track by encoder
 * position, across-track by the cameras' footprints) into one 400-2500 nm spectrum per VNIR pixel (docs/stitching.md).
 */
package io.hyclus.acquisition.stitch;
