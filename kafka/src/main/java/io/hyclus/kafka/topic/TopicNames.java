package io.hyclus.kafka.topic;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a set of HyClus's topics lives: the live topics ({@link #LIVE}, {@code hyclus.scan-events} ...) or a replay's
 * own ({@link #replay}: {@code hyclus.replay.<id>.scan-events} ...), so a replay runs segmentation and the encoder
 * beside live scanning without reading or writing a live topic. Each topic keeps its serdes and configuration; only
 * the name changes ({@code hyclus.} is replaced by the prefix).
 *
 * @param prefix what every topic name starts with, {@code hyclus.} for the live topics; ends with a dot
 */
public record TopicNames(String prefix) {
    private static final String LIVE_PREFIX = "hyclus.";
    private static final Pattern LEGAL = Pattern.compile("hyclus\\.([A-Za-z0-9_-]+\\.)*");
    /** Longest prefix: Kafka names are at most 249 characters, the longest suffix is {@code sample-containers.dlq}. */
    public static final int MAX_PREFIX = 200;

    /** The live topics: {@code hyclus.scan-events} and the others of {@link HyclusTopics#all()}. */
    public static final TopicNames LIVE = new TopicNames(LIVE_PREFIX);

    public TopicNames {
        if (prefix == null || !LEGAL.matcher(prefix).matches() || prefix.length() > MAX_PREFIX) {
            throw new IllegalArgumentException("topic prefix must start with 'hyclus.', end with '.', hold only letters, "
                    + "digits, '_' and '-' between dots and be at most " + MAX_PREFIX + " characters: '" + prefix + "'");
        }
    }

    /** A replay's own topics: {@code hyclus.replay.<replayId>.}. */
    public static TopicNames replay(String replayId) {
        return new TopicNames(LIVE_PREFIX + "replay." + replayId + ".");
    }

    public boolean isLive() {
        return prefix.equals(LIVE_PREFIX);
    }

    /** {@code live} (one of {@link HyclusTopics}'s topics) under this prefix. */
    public <K, V> Topic<K, V> of(Topic<K, V> live) {
        if (!live.name().startsWith(LIVE_PREFIX)) {
            throw new IllegalArgumentException("not a HyClus topic: " + live.name());
        }
        return isLive() ? live : live.withName(prefix + live.name().substring(LIVE_PREFIX.length()));
    }

    /** The name of {@code live} under this prefix. */
    public String name(Topic<?, ?> live) {
        return of(live).name();
    }

    /** Every topic of {@link HyclusTopics#all()} under this prefix, for creating them. */
    public List<Topic<?, ?>> all() {
        return HyclusTopics.all().stream().<Topic<?, ?>>map(this::of).toList();
    }
}
