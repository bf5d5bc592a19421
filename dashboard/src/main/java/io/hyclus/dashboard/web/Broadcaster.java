package io.hyclus.dashboard.web;

import io.hyclus.dashboard.feed.DashboardEvent;
import io.hyclus.dashboard.feed.DashboardState;
import io.hyclus.dashboard.feed.EventSink;
import io.javalin.http.sse.SseClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sends every change to every browser without ever waiting for one: each has a queue of {@code capacity} events; a
 * browser whose queue is full (slow, or gone without closing its connection) is dropped and logged, and may reconnect
 * (the page does) to get a fresh snapshot.
 */
public final class Broadcaster implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(Broadcaster.class);

    private final int capacity;
    private final int maxClients;
    private final List<BrowserClient> clients = new CopyOnWriteArrayList<>();
    private final Counter dropped;
    private final Counter connected;

    public Broadcaster(int capacity, int maxClients, MeterRegistry registry) {
        this.capacity = capacity;
        this.maxClients = maxClients;
        this.dropped = Counter.builder("hyclus.dashboard.clients.dropped")
                .description("browsers dropped because they did not keep up").register(registry);
        this.connected = Counter.builder("hyclus.dashboard.clients.connected").register(registry);
        Gauge.builder("hyclus.dashboard.clients", clients, List::size).description("browsers connected").register(registry);
    }

    @Override
    public void publish(DashboardEvent event) {
        for (BrowserClient c : clients) {
            if (!c.offer(event)) {
                drop(c);
            }
        }
    }

    public boolean full() {
        return clients.size() >= maxClients;
    }

    public int clients() {
        return clients.size();
    }

    public long droppedClients() {
        return (long) dropped.count();
    }

    /** Queues the state's snapshot for a new browser and subscribes it to every change after it. */
    void register(SseClient sse, String who, DashboardState state) {
        BrowserClient[] holder = new BrowserClient[1];
        BrowserClient c = new BrowserClient(sse, who, capacity, () -> {
            if (holder[0] != null && clients.remove(holder[0])) {
                LOG.info("Browser {} disconnected", who);
            }
        });
        holder[0] = c;
        boolean ok = state.withSnapshot(snapshot -> {
            for (DashboardEvent e : snapshot) {
                if (!c.offer(e)) {
                    return false;
                }
            }
            clients.add(c);
            return true;
        });
        if (!ok) {
            LOG.warn("Browser {} not served: its snapshot does not fit its buffer of {} events", who, capacity);
            c.stop();
        } else {
            connected.increment();
            LOG.info("Browser {} connected ({} now)", who, clients.size());
        }
        c.start();
    }

    private void drop(BrowserClient c) {
        if (clients.remove(c)) {
            dropped.increment();
            LOG.warn("Dropped browser {}: {} events queued and it does not keep up; it may reconnect for a fresh view",
                    c.who(), c.queued());
            c.stop();
        }
    }

    /** Stops every client. */
    public void closeAll() {
        for (BrowserClient c : clients) {
            clients.remove(c);
            c.stop();
        }
    }
}
