/** {@code hyclus report}: the reference study on a campaign as one self-contained HTML file (docs/report.md). */
package io.hyclus.app.report;
