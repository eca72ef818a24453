package org.borderwatch.alert;

import org.borderwatch.common.topic.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Code review F10: the intake's topic is {@code alert.topics.assessments}, by default common's
 * {@code Topics.ASSESSMENTS}; the binding's destination and its dead-letter topic follow it, and an override (a
 * property, an environment variable) moves all three. Through Spring Boot's own configuration loading of
 * application.yml.
 */
class TopicSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AlertProperties.class)
    static class SettingsOnly {
    }

    private record Loaded(String destination, String deadLetter, AlertProperties.Topics topics) {
    }

    private static Loaded load(String... properties) {
        List<String> all = new ArrayList<>(List.of("spring.main.banner-mode=off"));
        all.addAll(List.of(properties));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SettingsOnly.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).properties(all.toArray(String[]::new)).run()) {
            var env = context.getEnvironment();
            return new Loaded(env.getProperty("spring.cloud.stream.bindings.assessments-in-0.destination"),
                    env.getProperty("spring.cloud.stream.kafka.bindings.assessments-in-0.consumer.dlq-name"),
                    context.getBean(AlertProperties.class).topics());
        }
    }

    @Test
    void unsetTheIntakeReadsTheCataloguesTopic() {
        Loaded loaded = load();
        assertThat(loaded.destination()).isEqualTo(Topics.ASSESSMENTS.name());
        assertThat(loaded.deadLetter()).isEqualTo(Topics.ASSESSMENTS.name() + ".alert-service.dlq");
        assertThat(loaded.topics().assessments()).isEqualTo(Topics.ASSESSMENTS.name());
        assertThat(loaded.topics().deadLetter()).isEqualTo(loaded.deadLetter());
        assertThat(loaded.topics().alerts()).isEqualTo(Topics.ALERTS.name());
    }

    @Test
    void anOverrideMovesTheBindingItsDeadLetterTopicAndTheSetting() {
        Loaded loaded = load("alert.topics.assessments=border.assessments.v2", "alert.topics.alerts=border.alerts.v2");
        assertThat(loaded.destination()).isEqualTo("border.assessments.v2");
        assertThat(loaded.deadLetter()).isEqualTo("border.assessments.v2.alert-service.dlq");
        assertThat(loaded.topics().assessments()).isEqualTo("border.assessments.v2");
        assertThat(loaded.topics().alerts()).isEqualTo("border.alerts.v2");
    }

    @Test
    void boundWithoutTheEnvironmentsDefaultsTheRecordFallsBackToTheCatalogue() {
        AlertProperties.Topics topics = new AlertProperties.Topics(null, " ");
        assertThat(topics.assessments()).isEqualTo(Topics.ASSESSMENTS.name());
        assertThat(topics.alerts()).isEqualTo(Topics.ALERTS.name());
        assertThat(TopicDefaults.defaults()).containsEntry("alert.topics.assessments", Topics.ASSESSMENTS.name());
    }
}
