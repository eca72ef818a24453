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
import org.borderwatch.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

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

    private static List<IncidentReport> fromThisService(String ref) {
        return NORMALIZED.stream().filter(m -> value(m).contains(ref))
                .map(m -> Json.read(m.value(), IncidentReport.class)).toList();
    }
}
