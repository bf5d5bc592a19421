/**
 * The {@code hyclus} command: reads options once into settings records and wires the modules together.
 */
package io.hyclus.app;
