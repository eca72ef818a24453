package org.borderwatch.alert.delivery.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.borderwatch.alert.AlertProperties;
import org.borderwatch.alert.delivery.DeliveryFailures;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The producer of the {@code border.alerts} feed and of the Kafka subscriptions' partner topics: sends a worker
 * pass's records of one topic together and waits once for all the broker's acknowledgements, instead of one
 * synchronous send per message. Its own idempotent producer ({@code acks=all}), configured from
 * {@code spring.kafka.*} (bootstrap servers — the binder's {@code spring.cloud.stream.kafka.binder.brokers} when that
 * is set —, security) with byte-array serialisers, and with timeouts from {@code alert.delivery.timeout}, so a
 * broker that does not answer fails a send within a bounded time and the outbox row is retried.
 */
@Component
public class FeedPublisher implements DisposableBean {

    /** A record to publish; the headers' values are UTF-8. */
    public record FeedRecord(byte[] key, byte[] value, Map<String, byte[]> headers) {
    }

    private final Duration wait;
    private final Duration deliveryTimeout;
    private final String feedTopic;
    /** The feed's producer and the partner topics' producer: a partner topic's refusals never disturb the feed. */
    private final Producer feed;
    private final Producer partners;

    public FeedPublisher(KafkaProperties kafka, AlertProperties properties, Environment environment,
                         MeterRegistry meters) {
        Timeouts timeouts = Timeouts.of(properties.delivery().timeout());
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        // the binder's broker list when one is given (the binder itself falls back to spring.kafka.bootstrap-servers)
        String binderBrokers = environment.getProperty("spring.cloud.stream.kafka.binder.brokers");
        if (binderBrokers != null && !binderBrokers.isBlank()) {
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, binderBrokers);
        }
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, Timeouts.LINGER_MS);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeouts.request().toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeouts.delivery().toMillis());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeouts.request().toMillis());
        Object clientId = config.get(ProducerConfig.CLIENT_ID_CONFIG);
        this.feed = new Producer(config, clientId == null ? "alert-service-feed" : clientId.toString(), meters);
        this.partners = new Producer(config, clientId == null ? "alert-service-partners" : clientId + "-partners",
                meters);
        this.feedTopic = properties.topics().alerts();
        this.wait = timeouts.ackWait();
        this.deliveryTimeout = timeouts.delivery();
    }

    /**
     * The producer's timeouts, computed once (code review F16), from {@code alert.delivery.timeout}.
     *
     * @param request  {@code request.timeout.ms} (and {@code max.block.ms}): the setting, at least a second
     * @param delivery {@code delivery.timeout.ms}, twice the request timeout: the producer completes every send's
     *                 future within it (it must be at least request timeout + linger, which twice a second is); the
     *                 failure text "no acknowledgement from the broker within …" names it
     * @param ackWait  how long {@link #publish} waits for the acknowledgements: the delivery timeout plus a margin of
     *                 one more request timeout, so the producer's own expiry (which also marks a producer to replace)
     *                 normally answers first, even when it notices the expiry only after a request in flight ends
     */
    record Timeouts(Duration request, Duration delivery, Duration ackWait) {
        static final int LINGER_MS = 5;

        static Timeouts of(Duration timeout) {
            Duration request = Duration.ofMillis(Math.max(1000, timeout.toMillis()));
            Duration delivery = request.multipliedBy(2);
            Duration margin = request;
            return new Timeouts(request, delivery, delivery.plus(margin));
        }
    }

    /** One idempotent producer with its template and client metrics. */
    private static final class Producer {
        final DefaultKafkaProducerFactory<byte[], byte[]> factory;
        final KafkaTemplate<byte[], byte[]> template;

        Producer(Map<String, Object> config, String clientId, MeterRegistry meters) {
            Map<String, Object> own = new HashMap<>(config);
            own.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
            factory = new DefaultKafkaProducerFactory<>(own);
            // a producer being replaced must not hold the worker for the client's default 30 s
            factory.setPhysicalCloseTimeout(1);
            // the producer's client metrics (kafka_producer_*) on /actuator/prometheus, as the binder's producers have
            factory.addListener(new MicrometerProducerListener<>(meters));
            template = new KafkaTemplate<>(factory);
        }
    }

    /**
     * Sends every record to {@code topic}, flushes once, then waits for all acknowledgements. The feed topic has its
     * own producer; partner topics share another. A producer whose batches expired or whose sequence the broker no
     * longer accepts (an idempotent producer can stay stuck after a refused batch) is replaced once the wait is
     * over, so the next attempt starts afresh instead of failing the same way until the rows give up.
     *
     * @return per record, in order: null when the broker acknowledged it, else why not
     */
    public List<RuntimeException> publish(String topic, List<FeedRecord> records) {
        Producer producer = feedTopic.equals(topic) ? feed : partners;
        KafkaTemplate<byte[], byte[]> template = producer.template;
        List<CompletableFuture<SendResult<byte[], byte[]>>> futures = new ArrayList<>(records.size());
        List<RuntimeException> results = new ArrayList<>(records.size());
        for (FeedRecord r : records) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, r.key(), r.value());
            r.headers().forEach((name, value) -> record.headers().add(name, value));
            try {
                futures.add(template.send(record));
                results.add(null);
            } catch (RuntimeException e) {
                futures.add(null);
                results.add(e);
            }
        }
        template.flush();
        long deadline = System.nanoTime() + wait.toNanos();
        boolean stuck = false;
        for (int i = 0; i < futures.size(); i++) {
            CompletableFuture<SendResult<byte[], byte[]>> f = futures.get(i);
            if (f == null) {
                continue;
            }
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                // the template wraps the producer's exception ("Failed to send"): keep the broker's reason, in words
                Throwable root = e;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                boolean expired = root instanceof org.apache.kafka.common.errors.TimeoutException;
                stuck |= expired || root instanceof org.apache.kafka.common.errors.OutOfOrderSequenceException
                        || root instanceof org.apache.kafka.common.errors.UnknownProducerIdException;
                String why = expired
                        ? "no acknowledgement from the broker within " + DeliveryFailures.seconds(deliveryTimeout)
                        : DeliveryFailures.words(root);
                results.set(i, new IllegalStateException(why, e.getCause() == null ? e : e.getCause()));
            } catch (TimeoutException e) {
                stuck = true;
                results.set(i, new IllegalStateException("no acknowledgement from the broker within "
                        + DeliveryFailures.seconds(wait), e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                results.set(i, new IllegalStateException("interrupted while waiting for the broker", e));
            }
        }
        if (stuck) {
            producer.factory.reset();
        }
        return results;
    }

    @Override
    public void destroy() {
        feed.factory.destroy();
        partners.factory.destroy();
    }
}
