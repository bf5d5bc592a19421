/**
 * {@code hyclus segment}: the streaming segmentation on its own, for deployment as its own process beside
 * acquisition.
 */
package io.hyclus.app.segment;
