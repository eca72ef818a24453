package org.borderwatch.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfrastructureModeTest {

    @ParameterizedTest(name = "override={0}, docker={1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "null,       true,  CONTAINERS",
            "null,       false, IN_JVM",
            "auto,       true,  CONTAINERS",
            "auto,       false, IN_JVM",
            "in-jvm,     true,  IN_JVM",
            "containers, false, CONTAINERS",
            "LOCAL,      true,  IN_JVM"
    })
    void choosesByOverrideThenDocker(String override, boolean docker, InfrastructureMode expected) {
        assertThat(InfrastructureMode.choose(override, () -> docker)).isEqualTo(expected);
    }

    @Test
    void anExplicitOverrideDoesNotAskDocker() {
        AtomicInteger asked = new AtomicInteger();

        InfrastructureMode.choose("in-jvm", () -> {
            asked.incrementAndGet();
            return true;
        });

        assertThat(asked).hasValue(0);
    }

    @Test
    void aTypoIsAClearError() {
        assertThatThrownBy(() -> InfrastructureMode.choose("kubernetes", () -> false))
                .hasMessageContaining("borderwatch.test.infra")
                .hasMessageContaining("kubernetes");
    }

    @Test
    void springPropertiesPointEveryClientAtTheSharedInfrastructureWithoutStartingIt() {
        Map<String, Supplier<Object>> registered = new HashMap<>();

        TestInfrastructure.registerSpringProperties(registered::put);

        assertThat(registered).containsOnlyKeys("spring.kafka.bootstrap-servers",
                "spring.cloud.stream.kafka.binder.brokers", "spring.cloud.stream.kafka.streams.binder.brokers",
                "spring.mongodb.uri");
    }

    @Test
    void aServiceWithoutAStoreRegistersOnlyTheBroker() {
        Map<String, Supplier<Object>> registered = new HashMap<>();

        TestInfrastructure.registerKafkaProperties(registered::put);

        assertThat(registered).doesNotContainKey("spring.mongodb.uri")
                .containsKeys("spring.kafka.bootstrap-servers", "spring.cloud.stream.kafka.binder.brokers");
    }
}
