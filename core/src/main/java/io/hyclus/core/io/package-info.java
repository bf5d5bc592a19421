/** Files written so that a reader never sees half of one. */
package io.hyclus.core.io;
