package io.hyclus.dashboard.feed;

import java.util.Objects;

/**
 * One message for the browsers: an SSE event name and its JSON data, already serialised (once, for every client).
 *
 * @param name event name, e.g. {@code row}, {@code slot}, {@code points}
 * @param json the data, a JSON document on one line
 */
public record DashboardEvent(String name, String json) {
    public DashboardEvent {
        Objects.requireNonNull(name, "event name");
        Objects.requireNonNull(json, "event data of " + name);
        if (json.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("event " + name + ": data must be one line for SSE");
        }
    }

    /** Size on the wire, roughly (UTF-16 chars; the data is ASCII JSON in practice). */
    public int size() {
        return name.length() + json.length();
    }
}
