package io.hyclus.dashboard.feed;

/** Where the dashboard state sends each change; must never block (the Kafka poll loop calls it). */
public interface EventSink {
    void publish(DashboardEvent event);
}
