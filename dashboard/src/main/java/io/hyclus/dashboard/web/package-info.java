/**
 * The dashboard's HTTP side (Javalin): the page and ECharts served from the jar, server-sent events with a bounded
 * queue and a sender thread per browser, sample details and /metrics. Read-only: no endpoint writes or runs anything.
 */
package io.hyclus.dashboard.web;
