package org.borderwatch.ingest.stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.borderwatch.ingest.IngestCore;
import org.borderwatch.ingest.config.IngestProperties;
import org.borderwatch.ingest.pipeline.InputFormat;
import org.borderwatch.ingest.pipeline.RejectReason;
import org.borderwatch.ingest.pipeline.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.util.List;
import java.util.function.BiFunction;

/**
 * What happens to a raw record whose handling throws (only a failure to publish its reports can; content problems
 * are rejections inside the pipeline): the listener container retries it with the binding's back-off
 * ({@code max-attempts}, {@code back-off-initial-interval}), then parks it on the rejected topic through the same
 * publisher as every other rejection — the original bytes with {@code bw-reject-reason} ({@code PUBLISH_FAILED}, or
 * {@code PROCESSING_ERROR} for anything else), {@code bw-reject-detail} and {@code bw-source} — and counts it (received once, rejected once: the failed
 * attempts counted nothing).
 * <p>
 * Retries and parking are moved from the binder into the container ({@link #retryAndDlqInBinding} is false): the
 * binder's own dead-letter sender writes only its {@code x-exception-*} headers and, if that send fails, logs and
 * moves on — the record would be lost. Here a parking that fails (the broker is still down) throws, and the
 * container seeks back and tries the record again later: it blocks its partition while the broker is unreachable
 * (nothing could be published anyway) and is never lost.
 */
@Component
public class RawTopicErrorHandling implements ListenerContainerWithDlqAndRetryCustomizer {

    private static final Logger log = LoggerFactory.getLogger(RawTopicErrorHandling.class);
    /** Used when the binding has no retry settings (max-attempts 1): two more attempts, half a second apart. */
    private static final BackOff FALLBACK = new FixedBackOff(500, 2);

    private final ReportPublisher publisher;
    private final IngestCore core;
    private final IngestProperties.TopicNames topics;

    public RawTopicErrorHandling(ReportPublisher publisher, IngestCore core, IngestProperties properties) {
        this.publisher = publisher;
        this.core = core;
        this.topics = properties.topics();
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff) {
        container.setCommonErrorHandler(new DefaultErrorHandler(this::park, backOff == null ? FALLBACK : backOff));
    }

    /** Parks a record that failed its attempts; throws if that send fails too, so the record is tried again. */
    void park(ConsumerRecord<?, ?> record, Exception failure) {
        RejectReason reason = rejection(failure);
        String detail = detail(failure) + " (partition " + record.partition() + ", offset "
                + record.offset() + ")";
        byte[] value = RawTopicBindings.value(record.value());
        log.warn("parking record {}-{}@{} on the rejected topic: {}", record.topic(), record.partition(),
                record.offset(), detail, failure);
        publisher.rejection(new Rejection(reason, detail, List.of(), value == null ? new byte[0] : value, 1,
                record.topic()));
        core.pipeline().parked(format(record.topic()), value, reason);
    }

    /** The format of a raw topic, null for another topic. */
    private InputFormat format(String topic) {
        if (topics.canonical().equals(topic)) {
            return InputFormat.CANONICAL;
        }
        if (topics.statement().equals(topic)) {
            return InputFormat.STATEMENT;
        }
        return topics.acled().equals(topic) ? InputFormat.ACLED : null;
    }

    static RejectReason rejection(Throwable failure) {
        return publishFailure(failure) != null ? RejectReason.PUBLISH_FAILED : RejectReason.PROCESSING_ERROR;
    }

    /**
     * One readable line for operators: what failed and the broker client's own words for why, never a class name or
     * stack trace (those are in the log).
     */
    static String detail(Throwable failure) {
        PublishFailedException publish = publishFailure(failure);
        if (publish != null) {
            Throwable cause = publish.getCause();
            String why = cause == null || cause == publish || cause.getMessage() == null
                    || publish.getMessage().contains("did not confirm") ? "" : " (" + rootMessage(cause) + ")";
            return "its reports could not be published after every attempt: " + publish.getMessage() + why
                    + "; replay the record to its raw topic once that is fixed";
        }
        return "an unexpected failure after every attempt; the log has the details";
    }

    private static String rootMessage(Throwable t) {
        String message = t.getMessage();
        for (Throwable c = t.getCause(); c != null && c != t; t = c, c = c.getCause()) {
            if (c.getMessage() != null) {
                message = c.getMessage();
            }
        }
        return message;
    }

    private static PublishFailedException publishFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PublishFailedException p) {
                return p;
            }
        }
        return null;
    }
}
