/**
 * Per-sample HDF5 containers: the layout (documented on {@link io.hyclus.streaming.container.SampleContainerWriter})
 * and the writer.
 */
package io.hyclus.streaming.container;
