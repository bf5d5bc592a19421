/**
 * {@code hyclus export}: sample containers rewritten in another database's layout, today HIDSAG's (a folder per sample
 * with {@code metadata.json} and one {@code hsi_data} image per camera, {@code wavelengths.json} at the root).
 */
package io.hyclus.app.export;
