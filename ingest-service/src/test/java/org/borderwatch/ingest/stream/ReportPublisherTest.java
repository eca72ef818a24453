package org.borderwatch.ingest.stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.borderwatch.ingest.Fixtures;
import org.borderwatch.ingest.IngestCore;
import org.borderwatch.ingest.config.IngestProperties;
import org.borderwatch.ingest.pipeline.IngestPipeline.Result;
import org.borderwatch.ingest.pipeline.InputFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.cloud.stream.function.StreamOperations;
import org.springframework.util.MimeType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * With every publish thread busy (a broker that stopped answering), a publish is refused at once with the retryable
 * {@link PublishFailedException} (HTTP: 503), and the de-duplicator forgets what it had decided for the refused
 * reports, so the partner's retry is accepted rather than dropped as a duplicate of something never sent.
 */
class ReportPublisherTest {

    private final CountDownLatch brokerAnswers = new CountDownLatch(1);
    private final AtomicInteger sends = new AtomicInteger();
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final IngestCore core = Fixtures.core(
            Clock.fixed(Instant.parse("2025-03-20T12:00:00Z"), ZoneOffset.UTC), new SimpleMeterRegistry());
    private ReportPublisher publisher;

    /** A broker that takes each send only once it answers again (and, like a blocked client, ignores interrupts). */
    private final StreamOperations hungBroker = new StreamOperations() {
        @Override
        public boolean send(String binding, Object data) {
            sends.incrementAndGet();
            boolean interrupted = false;
            while (true) {
                try {
                    brokerAnswers.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return true;
        }

        @Override
        public boolean send(String binding, Object data, MimeType outputContentType) {
            return send(binding, data);
        }

        @Override
        public boolean send(String binding, String binderName, Object data) {
            return send(binding, data);
        }

        @Override
        public boolean send(String binding, String binderName, Object data, MimeType outputContentType) {
            return send(binding, data);
        }
    };

    @AfterEach
    void release() {
        brokerAnswers.countDown();
        callers.shutdownNow();
        if (publisher != null) {
            publisher.destroy();
        }
    }

    private static IngestProperties properties(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("ingest", IngestProperties.class);
    }

    private Result statement(String ref) {
        String json = "{\"sourceRef\":\"" + ref + "\",\"source\":\"Ministry of Defence of Azerbaijan\","
                + "\"publishedAt\":\"2025-03-16T10:20:00+04:00\",\"language\":\"en\",\"text\":\"On 16 March at 09:35"
                + " Armenian units fired at our positions from Digh.\"}";
        return core.pipeline().processRecord(InputFormat.STATEMENT, json.getBytes(StandardCharsets.UTF_8), "t");
    }

    @Test
    void theDefaultIsEightThreads() {
        assertThat(properties(Map.of()).publishThreads()).isEqualTo(8);
    }

    @Test
    void aSaturatedPublisherRefusesAtOnceAndTheRetryIsNotADuplicate() {
        publisher = new ReportPublisher(hungBroker, core,
                properties(Map.of("ingest.publish-threads", "1", "ingest.publish-timeout", "30s")));
        Result first = statement("busy-1");
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> publisher.publish(first, "p"), callers);
        await().atMost(Duration.ofSeconds(5)).until(() -> sends.get() == 1); // the only thread is stuck in the send

        Result second = statement("busy-2");
        assertThat(second.published()).hasSize(1);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(() -> publisher.publish(second, "p"))
                .isInstanceOf(PublishFailedException.class)
                .hasMessageContaining("publish threads (ingest.publish-threads) are busy"));
        assertThat(sends).hasValue(1); // the refused publish sent nothing
        // a refused single rejection (e.g. of a request's malformed body) is the same retryable failure
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(
                () -> publisher.rejection(statementRejection(), "p")).isInstanceOf(PublishFailedException.class));

        Result retry = statement("busy-2");
        assertThat(retry.published()).as("the refused report was taken back from the de-duplication memory")
                .hasSize(1);
        assertThat(retry.duplicates()).isEmpty();

        brokerAnswers.countDown();
        waiting.join();
        assertThat(statement("busy-1").duplicates()).as("the one that was sent stays known").hasSize(1);
    }

    private org.borderwatch.ingest.pipeline.Rejection statementRejection() {
        Result malformed = core.pipeline().processRecord(InputFormat.STATEMENT,
                "{not json".getBytes(StandardCharsets.UTF_8), "t");
        assertThat(malformed.rejections()).hasSize(1);
        return malformed.rejections().get(0);
    }
}
