package io.hyclus.report;

/**
 * One rendered figure: the PNG embedded in report.html (base64) and the SVG written beside it.
 *
 * @param name    file stem, unique in a report ({@code vnir-tsne-conv-ae-16-plant})
 * @param caption one sentence under the figure
 */
public record Figure(String name, String caption, byte[] png, byte[] svg) {
}
