package org.borderwatch.classifier.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsBinderHealthIndicator;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsBindingInformationCatalogue;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.cloud.stream.binder.kafka.streams.properties.KafkaStreamsBinderConfigurationProperties;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.junit.jupiter.api.Test;

/**
 * The Kafka Streams binder's health check (the {@code binders} part of the readiness group) waits
 * {@code spring.cloud.stream.kafka.streams.binder.health-timeout} seconds for the broker's topic list; its own default
 * is 60 s, so a hung broker kept the readiness probe from answering for a minute or more. The service's
 * application.yml, bound as the binder binds it, must set 5 s, and the binder's own indicator built with those
 * properties must answer DOWN within a few seconds against a broker that accepts connections and never answers.
 * The shared test broker is not touched: the hung broker is a socket of this test.
 */
class BinderHealthTimeoutTest {

    private static final String BINDER_PREFIX = "spring.cloud.stream.kafka.streams.binder";

    /** The binder's properties as the service's application.yml gives them. */
    private static KafkaStreamsBinderConfigurationProperties binderProperties(KafkaProperties kafka) throws Exception {
        MutablePropertySources sources = new MutablePropertySources();
        for (PropertySource<?> s : new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"))) {
            sources.addLast(s);
        }
        KafkaStreamsBinderConfigurationProperties properties = new KafkaStreamsBinderConfigurationProperties(kafka,
                new DefaultListableBeanFactory().getBeanProvider(KafkaConnectionDetails.class));
        new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
                .bind(BINDER_PREFIX, Bindable.ofInstance(properties));
        return properties;
    }

    @Test
    void applicationYmlSetsTheBindersHealthTimeoutToFiveSeconds() throws Exception {
        KafkaStreamsBinderConfigurationProperties properties = binderProperties(new KafkaProperties());
        assertThat(properties.getHealthTimeout()).isEqualTo(5);
        assertThat(new KafkaStreamsBinderConfigurationProperties(new KafkaProperties(),
                new DefaultListableBeanFactory().getBeanProvider(KafkaConnectionDetails.class)).getHealthTimeout())
                .as("the binder's own default, which the service must not keep").isEqualTo(60);
    }

    @Test
    void theBindersHealthCheckAnswersDownWithinSecondsWhenTheBrokerHangs() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket hung = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!hung.isClosed()) {
                    try {
                        held.add(hung.accept()); // accepts, reads nothing, answers nothing
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "hung-broker");
            acceptor.setDaemon(true);
            acceptor.start();

            KafkaProperties kafka = new KafkaProperties();
            String address = "127.0.0.1:" + hung.getLocalPort();
            kafka.setBootstrapServers(List.of(address));
            KafkaStreamsBinderConfigurationProperties properties = binderProperties(kafka);
            properties.setBrokers(address);

            Constructor<KafkaStreamsBinderHealthIndicator> constructor =
                    KafkaStreamsBinderHealthIndicator.class.getDeclaredConstructor(KafkaStreamsRegistry.class,
                            KafkaStreamsBinderConfigurationProperties.class, KafkaProperties.class,
                            KafkaStreamsBindingInformationCatalogue.class);
            constructor.setAccessible(true);
            HealthIndicator indicator = constructor.newInstance(new KafkaStreamsRegistry(), properties, kafka,
                    new KafkaStreamsBindingInformationCatalogue());
            try {
                long start = System.nanoTime();
                Health health = indicator.health();
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails()).containsKey("No topic information available");
                assertThat(held).as("the check did reach the hung broker").isNotEmpty();
                assertThat(took).as("bounded by health-timeout (5 s), not the binder's 60 s")
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(4)).isLessThan(Duration.ofSeconds(10));
            } finally {
                ((DisposableBean) indicator).destroy();
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }
}
