package org.borderwatch.classifier.stream;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Function;
import org.apache.kafka.streams.kstream.KStream;
import org.borderwatch.classifier.config.ClassifierProperties;
import org.borderwatch.classifier.metrics.ClassifierMetrics;
import org.borderwatch.classifier.signal.Neighbours;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Spring Cloud Stream binding: the function {@code classify} (bindings {@code classify-in-0} /
 * {@code classify-out-0}) is the topology body of {@link ClassifierTopology}; the binder owns the Kafka Streams
 * lifecycle, its configuration (exactly-once, serdes) and binds the Kafka Streams client metrics to Micrometer.
 */
@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ClassifierMetrics classifierMetrics(MeterRegistry registry, Clock clock) {
        return new ClassifierMetrics(registry, clock);
    }

    @Bean
    PublishedAtTimestampExtractor publishedAtTimestampExtractor() {
        return new PublishedAtTimestampExtractor();
    }

    @Bean
    Function<KStream<String, byte[]>, KStream<String, byte[]>> classify(ClassifierProperties properties,
                                                                          ClassifierMetrics metrics, Clock clock) {
        Neighbours neighbours = Neighbours.fromClasspath();
        return reports -> ClassifierTopology.attach(reports, properties.toTopology(), properties.toSettings(),
                neighbours, metrics, clock);
    }
}
