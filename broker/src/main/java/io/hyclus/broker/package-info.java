/**
 * The embedded single-node KRaft broker (broker and controller in one JVM), its storage formatted on
 * first start under a working directory and reused afterwards.
 */
package io.hyclus.broker;
