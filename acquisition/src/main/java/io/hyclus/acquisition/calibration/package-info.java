/**
 * Dark and white reference calibration: raw counts to reflectance, per pixel and band, with elements
 * that do not respond detected, repaired from their neighbours and recorded.
 */
package io.hyclus.acquisition.calibration;
