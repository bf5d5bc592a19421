package io.hyclus.dashboard.web;

import io.hyclus.dashboard.feed.DashboardEvent;
import io.javalin.http.sse.SseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One connected browser: a bounded queue of events and a thread that writes them to its SSE stream. Whoever
 * publishes only ever {@link #offer}s (never blocks); a full queue means the browser does not keep up.
 */
final class BrowserClient {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserClient.class);
    private static final long KEEP_ALIVE_SECONDS = 15;

    private final SseClient sse;
    private final String who;
    private final BlockingQueue<DashboardEvent> queue;
    private final Thread sender;
    private final Runnable onGone;
    private volatile boolean stopped;

    BrowserClient(SseClient sse, String who, int capacity, Runnable onGone) {
        this.sse = sse;
        this.who = who;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.onGone = onGone;
        this.sender = new Thread(this::run, "hyclus-dashboard-sse " + who);
        sender.setDaemon(true);
    }

    String who() {
        return who;
    }

    int queued() {
        return queue.size();
    }

    /** Queues an event; false if the queue is full or the client stopped. Never blocks. */
    boolean offer(DashboardEvent e) {
        return !stopped && queue.offer(e);
    }

    void start() {
        sender.start();
    }

    /** Stops sending and closes the stream (from the sender thread, which may be stuck in a write until then). */
    void stop() {
        stopped = true;
        sender.interrupt();
    }

    private void run() {
        try {
            while (!stopped && !sse.terminated()) {
                DashboardEvent e = queue.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
                if (e == null) {
                    sse.sendComment("keep-alive");
                } else {
                    sse.sendEvent(e.name(), e.json());
                }
            }
        } catch (InterruptedException e) {
            // stopped
        } catch (RuntimeException e) {
            LOG.debug("browser {} gone: {}", who, e.toString());
        } finally {
            stopped = true;
            queue.clear();
            try {
                sse.close();
            } catch (RuntimeException e) {
                LOG.debug("closing the stream of {}: {}", who, e.toString());
            }
            onGone.run();
        }
    }
}
