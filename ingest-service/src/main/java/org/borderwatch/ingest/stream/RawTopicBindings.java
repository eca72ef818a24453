package org.borderwatch.ingest.stream;

import org.borderwatch.ingest.IngestCore;
import org.borderwatch.ingest.config.IngestProperties;
import org.borderwatch.ingest.pipeline.IngestPipeline;
import org.borderwatch.ingest.pipeline.InputFormat;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * The functional bindings of the three raw topics ({@code canonicalIn-in-0}, {@code statementIn-in-0},
 * {@code acledIn-in-0}). Each record goes through the pipeline on its own: bad content becomes a rejection on the
 * rejected topic and the partition moves on; only a failure to publish throws, so the binder retries the record and,
 * after its attempts, parks it on the rejected topic (the binder's DLQ is that topic).
 */
@Configuration(proxyBeanMethods = false)
public class RawTopicBindings {

    @Bean
    Consumer<Message<byte[]>> canonicalIn(IngestCore core, ReportPublisher publisher, IngestProperties properties) {
        return m -> handle(InputFormat.CANONICAL, properties.topics().canonical(), m, core, publisher, properties);
    }

    @Bean
    Consumer<Message<byte[]>> statementIn(IngestCore core, ReportPublisher publisher, IngestProperties properties) {
        return m -> handle(InputFormat.STATEMENT, properties.topics().statement(), m, core, publisher, properties);
    }

    @Bean
    Consumer<Message<byte[]>> acledIn(IngestCore core, ReportPublisher publisher, IngestProperties properties) {
        return m -> handle(InputFormat.ACLED, properties.topics().acled(), m, core, publisher, properties);
    }

    private static void handle(InputFormat format, String configuredTopic, Message<byte[]> message, IngestCore core,
                               ReportPublisher publisher, IngestProperties properties) {
        Object received = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
        String topic = received == null ? configuredTopic : received.toString();
        IngestPipeline.Result result = core.pipeline().processRecord(format, message.getPayload(), topic);
        publisher.publish(result);
    }
}
