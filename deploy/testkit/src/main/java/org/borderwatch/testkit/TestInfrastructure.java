package org.borderwatch.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The broker and the store every integration test of this JVM shares: one of each, started lazily, stopped at exit.
 * Testcontainers where a Docker engine answers, in-JVM servers otherwise; force either with the system property
 * or environment variable described in {@link InfrastructureMode#OVERRIDE_PROPERTY}.
 */
public final class TestInfrastructure {

    private static InfrastructureMode mode;
    private static InfrastructureProvider provider;

    private TestInfrastructure() {
    }

    /** The mode of this JVM, deciding it on first call. */
    public static synchronized InfrastructureMode mode() {
        provider();
        return mode;
    }

    public static String kafkaBootstrapServers() {
        return provider().kafkaBootstrapServers();
    }

    /** A MongoDB connection string including the database name {@code borderwatch}. */
    public static String mongoUri() {
        return provider().mongoUri();
    }

    /**
     * Points a Spring test context at the shared broker and store: {@code spring.kafka.bootstrap-servers} (which the
     * Spring Cloud Stream binders inherit; their own broker properties are set too) and {@code spring.mongodb.uri}.
     */
    public static void registerSpringProperties(DynamicPropertyRegistry registry) {
        registerKafkaProperties(registry);
        registry.add("spring.mongodb.uri", TestInfrastructure::mongoUri);
    }

    /** Like {@link #registerSpringProperties} for a service without a store: only the broker is started. */
    public static void registerKafkaProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("spring.cloud.stream.kafka.binder.brokers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("spring.cloud.stream.kafka.streams.binder.brokers", TestInfrastructure::kafkaBootstrapServers);
    }

    /** Creates topics that do not exist yet (replication 1); existing ones are left as they are. */
    public static void createTopics(int partitions, String... names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers()))) {
            List<NewTopic> topics = Arrays.stream(names).map(n -> new NewTopic(n, partitions, (short) 1)).toList();
            admin.createTopics(topics).values().forEach((name, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + name, e.getCause());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("could not create topic " + name, e);
                }
            });
        }
    }

    /**
     * Replaces this JVM's infrastructure (for the testkit's own tests of how the extension starts it) and returns
     * the previous provider, or null if none had been chosen yet; {@code null} puts back the lazy choice.
     */
    static synchronized InfrastructureProvider replaceProvider(InfrastructureMode newMode, InfrastructureProvider replacement) {
        InfrastructureProvider previous = provider;
        mode = newMode;
        provider = replacement;
        return previous;
    }

    /** The mode chosen so far, or null before the first use (unlike {@link #mode()}, never chooses one). */
    static synchronized InfrastructureMode chosenMode() {
        return mode;
    }

    static synchronized InfrastructureProvider provider() {
        if (provider == null) {
            String override = System.getProperty(InfrastructureMode.OVERRIDE_PROPERTY,
                    System.getenv("BORDERWATCH_TEST_INFRA"));
            mode = InfrastructureMode.choose(override, new DockerProbe());
            provider = mode == InfrastructureMode.CONTAINERS ? new ContainerInfrastructure() : new InJvmInfrastructure();
            InfrastructureProvider started = provider;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "borderwatch-test-infrastructure-stop"));
        }
        return provider;
    }
}
