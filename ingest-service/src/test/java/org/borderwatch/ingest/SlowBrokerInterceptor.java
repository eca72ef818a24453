package org.borderwatch.ingest;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A broker that is slow to take a record, for the integration tests: installed on the reports' producer, it holds a
 * send whose value contains {@link #MARKER} for up to {@link #HOLD_SECONDS} seconds (or until the sending thread is
 * interrupted), then lets it go to the real broker; one containing {@link #REFUSED_MARKER} goes to a topic name the
 * broker refuses, so its send always fails. Every other record passes untouched.
 */
public class SlowBrokerInterceptor implements ProducerInterceptor<Object, Object> {

    public static final String MARKER = "slow-broker";
    public static final int HOLD_SECONDS = 20;
    /**
     * A record whose value contains this is sent to a topic whose name the broker refuses, so every send of it fails
     * (a broker that keeps refusing a report, as it would one above its size limit).
     */
    public static final String REFUSED_MARKER = "broker-refuses";
    private static final String INVALID_TOPIC = "no such topic!";

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        if (record.value() instanceof byte[] value && new String(value, StandardCharsets.UTF_8)
                .contains(REFUSED_MARKER)) {
            return new ProducerRecord<>(INVALID_TOPIC, record.key(), record.value());
        }
        if (record.value() instanceof byte[] value && new String(value, StandardCharsets.UTF_8).contains(MARKER)) {
            try {
                new CountDownLatch(1).await(HOLD_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }

    /**
     * What the binder handed each producer it built with this interceptor (the client's configuration as given, which
     * the client then completes with its own defaults): {@code BinderSettingsIT} reads the effective settings from it.
     */
    private static final List<Map<String, Object>> CONFIGURATIONS = new CopyOnWriteArrayList<>();

    /** The configurations of the producers built so far, oldest first. */
    public static List<Map<String, Object>> configurations() {
        return List.copyOf(CONFIGURATIONS);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        CONFIGURATIONS.add(java.util.Collections.unmodifiableMap(new java.util.HashMap<>(configs)));
    }
}
