/**
 * The reference campaign's design: 3 plants x 12 months x 2 size fractions of seeded mineral mixtures, and
 * their placement on trays.
 */
package io.hyclus.simulator.campaign;
