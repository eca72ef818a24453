package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceApplication;
import org.borderwatch.testkit.TestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole service started as a process would be, beside the shared test context, on the testkit's broker and
 * store but in a database, on an assessments topic and in a consumer group of its own (so the shared context neither
 * sends its rows nor takes its assessments), on a free port.
 */
final class OwnService {

    private OwnService() {
    }

    /** The settings that put it there; add the test's own before {@link #start}. */
    static Map<String, String> onTestkit(String database, String topic, String group) {
        String kafka = TestInfrastructure.kafkaBootstrapServers();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.kafka.bootstrap-servers", kafka);
        properties.put("spring.cloud.stream.kafka.binder.brokers", kafka);
        properties.put("spring.cloud.stream.kafka.streams.binder.brokers", kafka);
        properties.put("spring.mongodb.uri", TestInfrastructure.mongoUri());
        properties.put("spring.mongodb.database", database);
        properties.put("alert.topics.assessments", topic);
        properties.put("spring.cloud.stream.bindings.assessments-in-0.destination", topic);
        properties.put("spring.cloud.stream.bindings.assessments-in-0.group", group);
        // nothing listens on the discard port: a mail is a failed delivery, never a mail to somebody
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", "9");
        return properties;
    }

    /** Started with {@code profile}; the properties as command-line arguments, so they win over every yml. */
    static ConfigurableApplicationContext start(String profile, Map<String, String> properties) {
        return new SpringApplicationBuilder(AlertServiceApplication.class)
                .profiles(profile)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
