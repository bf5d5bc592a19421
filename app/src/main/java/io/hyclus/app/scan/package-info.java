/**
 * {@code hyclus scan}, the operator's command: a scan plan (the tray layout from a YAML or CSV file, or a campaign
 * tray), home, auto-exposure, references, scan with a progress bar, and ENVI captures kept or replayed.
 */
package io.hyclus.app.scan;
