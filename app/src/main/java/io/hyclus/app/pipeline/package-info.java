/**
 * The running parts every HyClus command that scans needs: a Kafka cluster (embedded or given), HyClus's
 * topics, the segmentation service, and a watcher for the containers it writes.
 */
package io.hyclus.app.pipeline;
