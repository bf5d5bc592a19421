/**
 * HyClus domain types shared by every module: wavelength grids, sensors, scanlines, tray layouts.
 * Pure Java with no heavy dependencies; every record validates its arguments and names the bad value.
 */
package io.hyclus.core;
