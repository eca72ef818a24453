package org.borderwatch.ingest.stream;

import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.topic.Topics;
import org.borderwatch.ingest.IngestCore;
import org.borderwatch.ingest.config.IngestProperties;
import org.borderwatch.ingest.pipeline.IngestPipeline;
import org.borderwatch.ingest.pipeline.IngestPipeline.Outcome;
import org.borderwatch.ingest.pipeline.Rejection;
import org.springframework.cloud.stream.function.StreamOperations;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends what the pipeline decided: reports to the normalised topic keyed by primary segment, rejections to the
 * rejected topic with the original bytes and the {@code bw-*} headers. Sends are synchronous (the output bindings
 * are configured with {@code sync: true}), so a broker failure surfaces to the caller and the raw record is retried
 * instead of being lost. Each call waits at most {@code ingest.publish-timeout} (the sends run on a helper thread):
 * a broker that stops answering, or an output binding that could not be created at start-up, ends in a
 * {@link PublishFailedException} within that time, not after the producer's own two-minute delivery timeout. At most
 * {@code ingest.publish-threads} sends run at once (a send its caller gave up on still holds its thread until the
 * client lets go); one more is refused at once with the same exception, never queued ({@link PublishThreads}).
 */
@Component
public class ReportPublisher implements DisposableBean {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReportPublisher.class);

    /** Output binding names, declared in {@code spring.cloud.stream.output-bindings}. */
    public static final String NORMALIZED_BINDING = "normalized-out-0";
    public static final String REJECTED_BINDING = "rejected-out-0";
    /**
     * Header of an HTTP rejection on the rejected topic: the name of the partner whose key sent it (never the key).
     */
    public static final String HEADER_PARTNER = org.borderwatch.common.topic.Topics.HEADER_PARTNER;

    /** The application's {@code StreamBridge} (its interface, so a test can stand in for the broker). */
    private final StreamOperations bridge;
    private final IngestCore core;
    private final Duration timeout;
    /** Rejected payloads are cut here so they stay below the broker's message size limit (ingest.rejected.*). */
    private final int maxRejectedPayload;
    /** At most {@code ingest.publish-threads} sends at once; beyond them a send is refused at once (503). */
    private final PublishThreads sender;

    public ReportPublisher(StreamOperations bridge, IngestCore core, IngestProperties properties) {
        this.bridge = bridge;
        this.core = core;
        this.timeout = properties.publishTimeout();
        this.maxRejectedPayload = (int) properties.rejected().maxPayload().toBytes();
        this.sender = new PublishThreads(properties.publishThreads(), timeout);
    }

    /**
     * Publishes the reports, then the rejections. If the broker refuses a report, the de-duplicator forgets it and
     * every report after it (they were not published), and the failure propagates, so the retry of the input is
     * judged afresh rather than dropped as a duplicate. Metrics count outcomes: each report once the broker
     * confirmed it, the records as received (and their rejections, duplicates) once everything was sent — an
     * attempt that fails counts nothing.
     */
    public void publish(IngestPipeline.Result result) {
        publish(result, null);
    }

    /** {@link #publish(IngestPipeline.Result)} for a partner's request: its rejections carry {@code bw-partner}. */
    public void publish(IngestPipeline.Result result, String partner) {
        AtomicBoolean started = new AtomicBoolean();
        try {
            sender.run(() -> {
                started.set(true);
                publishNow(result, partner);
            });
        } catch (PublishFailedException e) {
            if (!started.get()) { // refused (every publish thread busy) or cancelled before it ran: nothing was sent
                core.pipeline().unpublished(result.outcomes().stream().filter(Outcome::published).toList());
            }
            throw e;
        }
    }

    /** Sends one rejection to the rejected topic, waiting at most {@code ingest.publish-timeout}. */
    public void rejection(Rejection rejection) {
        rejection(rejection, null);
    }

    /** Sends one rejection of a partner's request ({@code bw-partner}; null: none) to the rejected topic. */
    public void rejection(Rejection rejection, String partner) {
        sender.run(() -> rejectionNow(rejection, partner));
    }

    private void publishNow(IngestPipeline.Result result, String partner) {
        List<Outcome> toPublish = result.outcomes().stream().filter(Outcome::published).toList();
        for (int i = 0; i < toPublish.size(); i++) {
            try {
                if (Thread.currentThread().isInterrupted()) { // the caller stopped waiting: send no more
                    throw new IllegalStateException("publish cancelled after " + timeout);
                }
                report(toPublish.get(i).report());
                core.pipeline().countSent(toPublish.get(i));
            } catch (RuntimeException e) {
                core.pipeline().unpublished(toPublish.subList(i, toPublish.size()));
                throw e;
            }
        }
        result.rejections().forEach(r -> rejectionNow(r, partner));
        // a field dropped from an accepted record (a statement's unusable url): no rejection, but on record here
        result.warnings().forEach(w -> log.warn("{} record line {} accepted without {}: {}",
                partner == null ? "raw-topic" : "partner " + partner, w.line(), w.field(), w.message()));
        core.pipeline().countSettled(result);
    }

    private void report(IncidentReport report) {
        Message<byte[]> message = MessageBuilder.withPayload(Json.writeBytes(report))
                .setHeader(KafkaHeaders.KEY, report.location().primarySegment().name().getBytes(StandardCharsets.UTF_8))
                .setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
                .build();
        send(NORMALIZED_BINDING, message);
    }

    /**
     * The original bytes with the {@code bw-*} headers, and nothing else: the rejected binding maps only
     * {@code bw-*} headers to the record (application.yml: {@code header-patterns}), so the binder's own
     * {@code contentType} and {@code spring_json_header_types} stay off it.
     */
    private void rejectionNow(Rejection rejection, String partner) {
        int maxOriginalBytes = maxRejectedPayload;
        byte[] original = rejection.original();
        String detail = rejection.detail();
        if (original.length > maxOriginalBytes) {
            original = Arrays.copyOf(original, maxOriginalBytes);
            detail = "(payload truncated to " + maxOriginalBytes + " bytes) " + detail;
        }
        if (detail.length() > Rejection.MAX_DETAIL) { // the prefix above may push it past the one-line bound
            detail = detail.substring(0, Rejection.MAX_DETAIL);
        }
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(original)
                .setHeader(Topics.HEADER_REJECT_REASON, utf8(rejection.reason().name()))
                .setHeader(Topics.HEADER_REJECT_DETAIL, utf8(detail))
                .setHeader(Topics.HEADER_SOURCE, utf8(rejection.origin()));
        if (partner != null) {
            message.setHeader(HEADER_PARTNER, utf8(partner));
        }
        send(REJECTED_BINDING, message.build());
    }

    private void send(String binding, Message<byte[]> message) {
        if (!bridge.send(binding, message)) {
            throw new IllegalStateException("could not send to " + binding);
        }
    }

    @Override
    public void destroy() {
        sender.close();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
