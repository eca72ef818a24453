package org.borderwatch.alert.delivery.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which topics a Kafka subscription may publish to. A subscription's notification JSON on a pipeline topic would
 * poison the service reading it (e.g. the classifier's input), and a free name would make the broker create topics
 * at a partner's whim. So a subscription topic must match the configured pattern
 * ({@code alert.kafka.subscription-topic-pattern}) and must never be a reserved topic: every topic of the
 * BorderWatch catalogue (including the {@code border.alerts} feed, which this service owns), any topic in a reserved
 * family (the raw input topics {@code border.reports.raw.*}) and Kafka's internal topics ({@code __*}). Checked
 * when a subscription is created and again before every send (a subscription stored under an older rule must
 * not deliver to a forbidden topic).
 */
public final class KafkaTopicPolicy {

    /** The configuration property that holds the pattern, named in every refusal. */
    public static final String PATTERN_PROPERTY = "alert.kafka.subscription-topic-pattern";

    private final Pattern allowed;
    private final Set<String> reserved;
    private final List<String> reservedPrefixes;

    /**
     * @param allowed          the pattern a subscription topic must match (whole name)
     * @param reserved         topic names never allowed (the catalogue, the feed topic)
     * @param reservedPrefixes name prefixes never allowed (families of pipeline topics, Kafka's internal ones)
     */
    public KafkaTopicPolicy(Pattern allowed, Collection<String> reserved, Collection<String> reservedPrefixes) {
        this.allowed = allowed;
        this.reserved = Set.copyOf(reserved);
        this.reservedPrefixes = List.copyOf(reservedPrefixes);
    }

    /** Empty when a subscription may publish to {@code topic}, else why not (naming the field and the rule). */
    public Optional<String> problem(String topic) {
        if (topic == null || topic.isBlank()) {
            return Optional.of("channel.topic is required for a kafka subscription");
        }
        if (reserved.contains(topic)) {
            return Optional.of("channel.topic '" + topic + "' is a BorderWatch pipeline topic (topic catalogue); "
                    + "subscriptions may never publish to it");
        }
        for (String prefix : reservedPrefixes) {
            if (topic.startsWith(prefix)) {
                return Optional.of("channel.topic '" + topic + "' is in the reserved family '" + prefix
                        + "*'; subscriptions may never publish to it");
            }
        }
        if (!allowed.matcher(topic).matches()) {
            return Optional.of("channel.topic '" + topic + "' does not match " + PATTERN_PROPERTY + " "
                    + allowed.pattern() + "; ask an administrator to create a partner topic that does");
        }
        return Optional.empty();
    }

    public String pattern() {
        return allowed.pattern();
    }
}
