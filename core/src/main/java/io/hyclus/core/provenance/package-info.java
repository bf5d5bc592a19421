/**
 * Typed provenance: named keys in one naming scheme ({@code section.sub.leaf}, lower_snake_case names, ids as
 * qualifiers), and an immutable, ordered record of what produced an output. Every scan event, container and model
 * carries one.
 */
package io.hyclus.core.provenance;
