/**
 * {@code hyclus campaign}: the reference campaign (3 plants x 12 months x 2 fractions on 12 trays) scanned in
 * simulation through the serial drivers, both cameras in step, into one HDF5 container per sample.
 */
package io.hyclus.app.campaign;
