/**
 * {@code hyclus tsne}: the file-level t-SNE command (raw float32 in and out) over {@code io.hyclus.analysis.embed}.
 */
package io.hyclus.app.tsne;
