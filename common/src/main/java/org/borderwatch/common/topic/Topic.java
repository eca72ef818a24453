package org.borderwatch.common.topic;

import java.util.Objects;

/**
 * A Kafka topic with the types of its keys and values. The name is the default; services read the name they use
 * from configuration and fall back to this one.
 *
 * @param schema the JSON Schema (under {@code /schemas/}) of the value, or {@code null} when the value is a partner
 *               payload in its own format
 */
public record Topic<K, V>(String name, Class<K> keyType, Class<V> valueType, String schema, String description) {
    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
    }
}
