package org.borderwatch.ingest.stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.topic.Topics;
import org.borderwatch.ingest.Fixtures;
import org.borderwatch.ingest.IngestCore;
import org.borderwatch.ingest.IngestITSupport;
import org.borderwatch.ingest.config.IngestProperties;
import org.borderwatch.ingest.pipeline.Deduplicator.Disposition;
import org.borderwatch.ingest.pipeline.IngestPipeline;
import org.borderwatch.ingest.pipeline.InputFormat;
import org.borderwatch.testkit.MutableClock;
import org.borderwatch.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.function.StreamBridge;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The de-duplication memory is the normalised topic: what another instance published is known to the running
 * service, and a freshly started instance reads what was published before it.
 */
class SharedDedupMemoryIT extends IngestITSupport {

    private static final String CLAIM = "On 18 March at 21:05 Armenian units in Khnatsakh fired at our positions.";

    @Autowired
    IngestCore core;

    @Autowired
    IngestProperties properties;

    @Autowired
    StreamBridge streams;

    @Test
    void aReportAnotherInstancePublishedIsADuplicateHereAndItsCorrectionContinuesTheRevision() {
        String ref = uniqueRef("other-instance");
        byte[] raw = statement(ref, CLAIM).getBytes(StandardCharsets.UTF_8);
        // what another instance made of this statement, published there as its third revision
        IncidentReport elsewhere = core.pipeline().processBatch(InputFormat.STATEMENT, raw, "it", true)
                .outcomes().get(0).report().withRevision(3).withReceivedAt(OffsetDateTime.now());
        send(Topics.NORMALIZED.name(), Json.writeBytes(elsewhere));

        await().atMost(Duration.ofSeconds(30)).until(() -> core.pipeline()
                .processBatch(InputFormat.STATEMENT, raw, "it", true).outcomes().get(0).report().revision() == 3);

        send(Topics.RAW_STATEMENT.name(), raw);
        String corrected = statement(ref, CLAIM.replace("21:05", "21:15"));
        send(Topics.RAW_STATEMENT.name(), corrected);
        await().atMost(Duration.ofSeconds(30)).until(() -> fromThisService(ref).stream()
                .anyMatch(r -> r.revision() == 4));
        // only the test's own record (revision 3) and the correction: the re-sent original was dropped
        assertThat(fromThisService(ref)).extracting(IncidentReport::revision).containsExactly(3, 4);
    }

    @Test
    void aNewInstanceReadsTheWindowBeforeItStartsAndThenFollowsTheTopic() {
        String before = uniqueRef("before-restart");
        IngestPipeline.Result published = core.pipeline().processRecord(InputFormat.STATEMENT,
                statement(before, CLAIM).getBytes(StandardCharsets.UTF_8), "it");
        published.published().forEach(r -> send(Topics.NORMALIZED.name(), Json.writeBytes(r)));

        IngestCore fresh = Fixtures.core(Clock.systemUTC());
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of(TestInfrastructure.kafkaBootstrapServers()));
        PublishedReportsFeed feed = new PublishedReportsFeed(fresh, properties, kafka, Clock.systemUTC(),
                new SimpleMeterRegistry());
        feed.start();
        try {
            assertThat(feed.caughtUp()).isTrue();
            assertThat(fresh.pipeline().processRecord(InputFormat.STATEMENT,
                    statement(before, CLAIM).getBytes(StandardCharsets.UTF_8), "it").outcomes().get(0).disposition())
                    .isEqualTo(Disposition.DUPLICATE);

            String after = uniqueRef("after-start");
            core.pipeline().processRecord(InputFormat.STATEMENT,
                    statement(after, CLAIM).getBytes(StandardCharsets.UTF_8), "it")
                    .published().forEach(r -> send(Topics.NORMALIZED.name(), Json.writeBytes(r)));
            await().atMost(Duration.ofSeconds(30)).until(() -> fresh.pipeline().processBatch(InputFormat.STATEMENT,
                    statement(after, CLAIM).getBytes(StandardCharsets.UTF_8), "it", true).outcomes().get(0)
                    .decision().disposition() == Disposition.DUPLICATE);
        } finally {
            feed.stop();
        }
        assertThat(feed.isRunning()).isFalse();
    }

    /**
     * Audit 2-3 G2: a restart more than the duplicate window after the original. Start-up reads
     * {@code ingest.dedup.correction-memory} of the topic, so the correction is revision 2 on the topic (revision 1
     * again would be dropped by the classifier as already seen), while an exact re-send older than the window is
     * still published again with its own revision (REPEAT), as before.
     */
    @Test
    void twoDaysAfterARestartACorrectionIsTheNextRevisionOnTheTopicAndAnOldExactReSendARepeat() {
        String corrected = uniqueRef("corrected-two-days-later");
        String repeated = uniqueRef("repeated-two-days-later");
        send(Topics.RAW_STATEMENT.name(), statement(corrected, CLAIM));
        send(Topics.RAW_STATEMENT.name(), statement(repeated, CLAIM));
        await().atMost(Duration.ofSeconds(30)).until(() -> fromThisService(corrected).size() == 1
                && fromThisService(repeated).size() == 1);

        // the "restarted" instance: its own memory, filled only by the feed, with the clock two days on
        MutableClock twoDaysLater = new MutableClock(Clock.systemUTC());
        twoDaysLater.advance(Duration.ofDays(2));
        IngestCore restarted = Fixtures.core(twoDaysLater);
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of(TestInfrastructure.kafkaBootstrapServers()));
        PublishedReportsFeed feed = new PublishedReportsFeed(restarted, properties, kafka, twoDaysLater,
                new SimpleMeterRegistry());
        ReportPublisher publisher = new ReportPublisher(streams, restarted, properties);
        feed.start();
        try {
            assertThat(feed.caughtUp()).isTrue();
            IngestPipeline.Result correction = restarted.pipeline().processRecord(InputFormat.STATEMENT,
                    statement(corrected, CLAIM.replace("21:05", "21:15")).getBytes(StandardCharsets.UTF_8), "it");
            assertThat(correction.outcomes().get(0).disposition()).isEqualTo(Disposition.CORRECTION);
            publisher.publish(correction, "it");
            IngestPipeline.Result resent = restarted.pipeline().processRecord(InputFormat.STATEMENT,
                    statement(repeated, CLAIM).getBytes(StandardCharsets.UTF_8), "it");
            assertThat(resent.outcomes().get(0).disposition()).isEqualTo(Disposition.REPEAT);
            publisher.publish(resent, "it");
        } finally {
            feed.stop();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> fromThisService(corrected).size() == 2
                && fromThisService(repeated).size() == 2);
        List<IncidentReport> versions = fromThisService(corrected);
        assertThat(versions).extracting(IncidentReport::revision).containsExactly(1, 2);
        assertThat(versions).extracting(IncidentReport::reportId).containsOnly(versions.get(0).reportId());
        assertThat(versions.get(1).withReceivedAt(null).withRevision(1))
                .isNotEqualTo(versions.get(0).withReceivedAt(null));
        assertThat(fromThisService(repeated)).extracting(IncidentReport::revision).containsExactly(1, 1);
    }

    private static List<IncidentReport> fromThisService(String ref) {
        return NORMALIZED.stream().filter(m -> value(m).contains(ref))
                .map(m -> Json.read(m.value(), IncidentReport.class)).toList();
    }
}
