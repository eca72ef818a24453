package org.borderwatch.deploy.local.kafka;

import java.util.Map;

/** A topic to create: name, partition count and topic-level configuration (replication is always 1 here). */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {
    public TopicSpec {
        if (partitions < 1) {
            throw new IllegalArgumentException(name + ": partitions must be at least 1, got " + partitions);
        }
        configs = Map.copyOf(configs);
    }
}
