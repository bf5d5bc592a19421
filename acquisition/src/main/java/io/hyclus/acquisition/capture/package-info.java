/**
 * Scans kept as Specim-style ENVI captures (raw counts, dark and white references, HyClus keys to replay them) and
 * captures replayed through calibration into scan events. The ENVI format itself lives in the envi module.
 */
package io.hyclus.acquisition.capture;
