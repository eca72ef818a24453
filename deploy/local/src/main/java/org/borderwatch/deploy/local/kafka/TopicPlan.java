package org.borderwatch.deploy.local.kafka;

import org.borderwatch.common.topic.Topic;
import org.borderwatch.common.topic.Topics;

import java.util.List;
import java.util.Map;

/**
 * Which topics the launcher creates, from the catalogue in {@code common}.
 *
 * <ul>
 *   <li>the report topics (raw, normalized, rejected) and {@code border.assessments}: {@code partitions}
 *       (default 6). The rejected topic is also the dead-letter topic of the raw topics, and the Kafka binder
 *       publishes a dead letter to the partition number it came from, so it needs as many partitions;</li>
 *   <li>{@code border.alerts}: at most 3 (a handful of alerts a day);</li>
 *   <li>{@code border.reports.normalized}: kept forever ({@code retention.ms=-1}, {@code retention.bytes=-1}) so
 *       the classifier can be rebuilt by replaying it; the others keep Kafka's default of 7 days, the rejected
 *       topic 30 days.</li>
 * </ul>
 */
public final class TopicPlan {

    public static final int DEFAULT_PARTITIONS = 6;
    static final int ALERT_PARTITIONS = 3;
    static final String KEEP_FOREVER = "-1";
    static final String THIRTY_DAYS_MS = Long.toString(30L * 24 * 60 * 60 * 1000);

    private TopicPlan() {
    }

    public static List<TopicSpec> forCatalogue(int partitions) {
        return Topics.all().stream().map(topic -> spec(topic, partitions)).toList();
    }

    static TopicSpec spec(Topic<?, ?> topic, int partitions) {
        String name = topic.name();
        if (name.equals(Topics.NORMALIZED.name())) {
            return new TopicSpec(name, partitions, Map.of("retention.ms", KEEP_FOREVER, "retention.bytes", KEEP_FOREVER));
        }
        if (name.equals(Topics.REJECTED.name())) {
            return new TopicSpec(name, partitions, Map.of("retention.ms", THIRTY_DAYS_MS));
        }
        if (name.equals(Topics.ALERTS.name())) {
            return new TopicSpec(name, Math.min(ALERT_PARTITIONS, partitions), Map.of());
        }
        return new TopicSpec(name, partitions, Map.of());
    }
}
