/**
 * Fault injection: scheduled faults on command links (silence, garbage, partial reply, reject, stall, disconnect)
 * and on frame delivery (drops, duplicates).
 */
package io.hyclus.simulator.fault;
