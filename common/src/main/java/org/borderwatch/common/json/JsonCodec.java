package org.borderwatch.common.json;

/**
 * Bytes to and from one event type with the shared {@link Json} configuration. Kafka serdes in the services wrap
 * this, so common stays free of Kafka.
 */
public record JsonCodec<T>(Class<T> type) {

    public byte[] encode(T value) {
        return value == null ? null : Json.writeBytes(value);
    }

    public T decode(byte[] bytes) {
        return bytes == null ? null : Json.read(bytes, type);
    }
}
