package org.borderwatch.ingest.stream;

import org.borderwatch.ingest.IngestCore;
import org.borderwatch.ingest.config.IngestProperties;
import org.borderwatch.ingest.pipeline.IngestPipeline;
import org.borderwatch.ingest.pipeline.InputFormat;
import org.borderwatch.ingest.pipeline.RejectReason;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The functional bindings of the three raw topics ({@code canonicalIn-in-0}, {@code statementIn-in-0},
 * {@code acledIn-in-0}). Each record goes through the pipeline on its own: bad content becomes a rejection on the
 * rejected topic and the partition moves on; only a failure to publish throws, so the record is retried and, after
 * its attempts, parked on the rejected topic by {@link RawTopicErrorHandling}.
 * <p>
 * The bindings decode natively (application.yml: {@code use-native-decoding}, a {@code ByteArrayDeserializer}): the
 * payload is the record's value exactly as sent, whatever {@code contentType} header a partner's client put on it
 * (a plain-string header from kcat or librdkafka made the binder's content-type conversion fail before any of this
 * ran). A record without a value (a tombstone) arrives as {@code KafkaNull} and is rejected here, counted.
 * <p>
 * A raw topic has no partner identity (write access is the broker's ACLs' business); {@code
 * ingest.kafka.allowed-sources.<format>} may narrow the registry sources it carries (SOURCE_NOT_ALLOWED otherwise).
 */
@Configuration(proxyBeanMethods = false)
public class RawTopicBindings {

    /** The longest part of a record key quoted in a rejection detail. */
    static final int MAX_KEY_IN_DETAIL = 200;

    @Bean
    Consumer<Message<?>> canonicalIn(IngestCore core, ReportPublisher publisher, IngestProperties properties) {
        return m -> handle(InputFormat.CANONICAL, properties.topics().canonical(), m, core, publisher, properties);
    }

    @Bean
    Consumer<Message<?>> statementIn(IngestCore core, ReportPublisher publisher, IngestProperties properties) {
        return m -> handle(InputFormat.STATEMENT, properties.topics().statement(), m, core, publisher, properties);
    }

    @Bean
    Consumer<Message<?>> acledIn(IngestCore core, ReportPublisher publisher, IngestProperties properties) {
        return m -> handle(InputFormat.ACLED, properties.topics().acled(), m, core, publisher, properties);
    }

    private static void handle(InputFormat format, String configuredTopic, Message<?> message, IngestCore core,
                               ReportPublisher publisher, IngestProperties properties) {
        Object received = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
        String topic = received == null ? configuredTopic : received.toString();
        byte[] value = value(message.getPayload());
        IngestPipeline.Result result = value == null
                ? core.pipeline().refuse(format, RejectReason.MALFORMED,
                "record has no value (a tombstone): " + where(message.getHeaders()), null, topic)
                : core.pipeline().processRecord(format, value, topic,
                properties.kafka().permission(format, topic));
        publisher.publish(result);
    }

    /** The record's value as sent; {@code null} for a tombstone (spring-kafka's {@code KafkaNull}). */
    static byte[] value(Object payload) {
        if (payload instanceof byte[] bytes) {
            return bytes;
        }
        if (payload instanceof String text) { // not with the ByteArrayDeserializer configured; kept for safety
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }

    /** "key K, partition P, offset O": where an operator finds the record on its raw topic. */
    static String where(MessageHeaders headers) {
        Object key = headers.get(KafkaHeaders.RECEIVED_KEY);
        String k = key instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : key == null ? null : key.toString();
        if (k != null && k.length() > MAX_KEY_IN_DETAIL) {
            k = k.substring(0, MAX_KEY_IN_DETAIL) + "…";
        }
        return (k == null ? "no key" : "key " + k) + ", partition " + headers.get(KafkaHeaders.RECEIVED_PARTITION)
                + ", offset " + headers.get(KafkaHeaders.OFFSET);
    }
}
