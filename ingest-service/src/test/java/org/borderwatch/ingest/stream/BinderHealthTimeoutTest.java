package org.borderwatch.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.KafkaBinderHealthIndicator;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.cloud.stream.binder.kafka.config.KafkaBinderHealthIndicatorConfiguration;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBinderConfigurationProperties;
import org.springframework.cloud.stream.binder.kafka.provisioning.KafkaTopicProvisioner;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Readiness reflects the binder: its health check (the {@code binders} part of the readiness group) waits
 * {@code spring.cloud.stream.kafka.binder.health-timeout} seconds for the broker; the binder's own default is 60 s, so
 * a silent broker would keep the readiness probe from answering for a minute. The binder's indicator, built by the
 * binder's own configuration from the properties as application.yml gives them, must answer DOWN within a few seconds
 * against a broker that accepts connections and never answers (a socket of this test; the shared broker is not
 * touched).
 */
class BinderHealthTimeoutTest {

    private static final String BINDER_PREFIX = "spring.cloud.stream.kafka.binder";

    /** The message-channel binder's properties as the service's application.yml gives them. */
    private static KafkaBinderConfigurationProperties binderProperties(KafkaProperties kafka) throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        for (PropertySource<?> s : new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"))) {
            sources.addLast(s);
        }
        KafkaBinderConfigurationProperties properties = new KafkaBinderConfigurationProperties(kafka,
                new DefaultListableBeanFactory().getBeanProvider(KafkaConnectionDetails.class));
        new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
                .bind(BINDER_PREFIX, Bindable.ofInstance(properties));
        return properties;
    }

    @Test
    void theBindersHealthCheckAnswersDownWithinSecondsWhenTheBrokerIsSilent() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept()); // accepts, reads nothing, answers nothing
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-broker");
            acceptor.setDaemon(true);
            acceptor.start();

            KafkaProperties kafka = new KafkaProperties();
            String address = "127.0.0.1:" + silent.getLocalPort();
            kafka.setBootstrapServers(List.of(address));
            KafkaBinderConfigurationProperties properties = binderProperties(kafka);
            properties.setBrokers(address);
            KafkaMessageChannelBinder binder = new KafkaMessageChannelBinder(properties,
                    new KafkaTopicProvisioner(properties, kafka, List.of()));
            KafkaBinderHealthIndicator indicator = new KafkaBinderHealthIndicatorConfiguration()
                    .kafkaBinderHealthIndicator(binder, properties);
            try {
                long start = System.nanoTime();
                Health health = indicator.health();
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(held).as("the check did reach the silent broker").isNotEmpty();
                assertThat(took).as("bounded by health-timeout (5 s), not the binder's 60 s")
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(4)).isLessThan(Duration.ofSeconds(10));
            } finally {
                // the check's own thread may still be in the client's call (it gives up after the same timeout): the
                // client may be closed only once it is free
                await().atMost(Duration.ofSeconds(15)).ignoreException(java.util.ConcurrentModificationException.class)
                        .untilAsserted(indicator::destroy);
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }
}
