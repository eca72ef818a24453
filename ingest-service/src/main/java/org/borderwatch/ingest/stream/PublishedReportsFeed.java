package org.borderwatch.ingest.stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.json.JsonReadException;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.ingest.IngestCore;
import org.borderwatch.ingest.config.IngestProperties;
import org.borderwatch.ingest.metrics.IngestMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Feeds the de-duplicator from the normalised topic, so that its memory is the topic itself: on start it reads the
 * last {@code ingest.dedup.correction-memory} of every partition (up to the end offsets it found; not just the
 * duplicate {@code window}, so a correction of an older report still gets the next revision after a restart,
 * rather than revision 1 again, which consumers would drop as already seen) before the raw-topic bindings
 * and the HTTP server start, then keeps tailing the topic, so reports published by any other instance are known here
 * within a poll. A restart or a second instance therefore recognises a duplicate published before it, and a
 * correction continues the revision another instance gave.
 * <p>
 * Start-up waits at most {@code ingest.dedup.catch-up-timeout}; if the broker is not reachable by then the service
 * starts anyway (with what it could read) and the feed keeps trying in the background. Records that are not reports
 * are skipped. Partitions added to the topic later are picked up at the next {@code ingest.dedup.refresh}.
 */
@Component
@ConditionalOnProperty(name = "ingest.dedup.shared", havingValue = "true", matchIfMissing = true)
public class PublishedReportsFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublishedReportsFeed.class);
    /** Before the input bindings (Spring Cloud Stream starts them late) and before the web server. */
    static final int PHASE = Integer.MAX_VALUE - 10_000;

    private final IngestCore core;
    private final IngestProperties.Dedup settings;
    private final String topic;
    private final Map<String, Object> consumerConfig;
    private final Clock clock;
    private final IngestMetrics metrics;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public PublishedReportsFeed(IngestCore core, IngestProperties properties, KafkaProperties kafka, Clock clock,
                                MeterRegistry registry) {
        this.core = core;
        this.settings = properties.dedup();
        this.topic = properties.topics().normalized();
        this.clock = clock;
        this.metrics = new IngestMetrics(registry);
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-dedup-feed");
        // reading must never create the topic with the broker's defaults
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.consumerConfig = config;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "ingest-dedup-feed");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!caughtUp.await(settings.catchUpTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("de-duplication memory not caught up with {} after {}; starting anyway, still reading",
                        topic, settings.catchUpTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once the window before start-up has been read. */
    public boolean caughtUp() {
        return caughtUp.getCount() == 0;
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerConfig)) {
                consumer = c;
                tail(c);
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("de-duplication feed from {} failed, retrying: {}", topic, e.toString());
                    sleep(settings.refresh());
                }
            } finally {
                consumer = null;
            }
        }
    }

    private void tail(KafkaConsumer<byte[], byte[]> c) {
        List<TopicPartition> partitions = assign(c, List.of());
        while (running && partitions.isEmpty()) {
            // no topic yet: nothing was ever published, so there is nothing to catch up with
            markCaughtUp();
            sleep(settings.refresh());
            partitions = assign(c, partitions);
        }
        Map<TopicPartition, Long> end = c.endOffsets(partitions);
        Instant lastRefresh = clock.instant();
        while (running) {
            for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                learn(r);
            }
            if (!caughtUp() && end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
                markCaughtUp();
            }
            if (Duration.between(lastRefresh, clock.instant()).compareTo(settings.refresh()) >= 0) {
                partitions = assign(c, partitions);
                lastRefresh = clock.instant();
            }
        }
    }

    private void markCaughtUp() {
        if (!caughtUp()) {
            log.info("de-duplication memory caught up with {}: {} report ids", topic,
                    core.pipeline().rememberedIds());
            caughtUp.countDown();
        }
    }

    /**
     * Assigns every partition of the topic (none while it does not exist); new ones start at
     * {@code ingest.dedup.correction-memory} before now.
     */
    private List<TopicPartition> assign(KafkaConsumer<byte[], byte[]> c, List<TopicPartition> known) {
        List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(10));
        if (infos == null || infos.isEmpty()) {
            return known;
        }
        List<TopicPartition> all = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        if (all.size() == known.size()) {
            return known;
        }
        c.assign(all);
        List<TopicPartition> added = all.stream().filter(p -> !known.contains(p)).toList();
        long from = clock.instant().minus(settings.startupRead()).toEpochMilli();
        Map<TopicPartition, Long> query = new HashMap<>();
        added.forEach(p -> query.put(p, from));
        Map<TopicPartition, OffsetAndTimestamp> offsets = c.offsetsForTimes(query);
        for (TopicPartition p : added) {
            OffsetAndTimestamp o = offsets.get(p);
            if (o == null) {
                c.seekToEnd(List.of(p));
            } else {
                c.seek(p, o.offset());
            }
        }
        return all;
    }

    private void learn(ConsumerRecord<byte[], byte[]> r) {
        if (r.value() == null) {
            return;
        }
        try {
            core.pipeline().published(Json.read(r.value(), IncidentReport.class), Instant.ofEpochMilli(r.timestamp()));
            metrics.dedupFeedRecord();
        } catch (JsonReadException | IllegalArgumentException e) {
            log.debug("skipping a record of {} that is no report (offset {}): {}", topic, r.offset(), e.getMessage());
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.min(d.toMillis(), 5_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
