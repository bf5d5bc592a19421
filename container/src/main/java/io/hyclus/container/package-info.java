/**
 * The per-sample HDF5 container, in one place: its names and versions ({@link io.hyclus.container.SampleContainerFormat}),
 * the writer streaming uses and the reader analysis uses. Layout and history: {@code docs/container-format.md}.
 */
package io.hyclus.container;
