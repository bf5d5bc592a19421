/**
 * Binary wire format of scan events and sample notifications: a magic number, a format version and a
 * type tag, then the fields in a fixed order. Decoding errors name the offset and what was expected.
 */
package io.hyclus.core.codec;
