/**
 * The simulated scanning rig, conveyor and both cameras, in process (the demo) or behind their serial drivers
 * (simulators serving their protocols on socat pty pairs, so the real serial stack runs), and the simulated campaign
 * both scan: samples, scan ids and simulator provenance.
 */
package io.hyclus.app.rig;
