/**
 * {@code hyclus report}: the reference study reproduced on a campaign's sample containers as one self-contained HTML
 * file (dataset, representations, classification, clustering, figures), docs/report.md.
 */
package io.hyclus.report;
