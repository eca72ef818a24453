package org.borderwatch.alert.delivery.kafka;

import org.borderwatch.alert.AlertProperties;
import org.borderwatch.common.topic.Topics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaTopicPolicyTest {

    private final KafkaTopicPolicy policy = new KafkaTopicPolicy(
            Pattern.compile(AlertProperties.Kafka.DEFAULT_SUBSCRIPTION_TOPIC_PATTERN),
            Topics.all().stream().map(t -> t.name()).toList(),
            List.of("border.reports.", "border.assessments.", "__"));

    /** The same catalogue, but a pattern that would allow anything: the catalogue still wins. */
    private final KafkaTopicPolicy permissive = new KafkaTopicPolicy(Pattern.compile(".*"),
            Topics.all().stream().map(t -> t.name()).toList(),
            List.of("border.reports.", "border.assessments.", "__"));

    @Test
    void partnerTopicsMatchingThePatternAreAllowed() {
        assertThat(policy.problem("border.alerts.partner.osce")).isEmpty();
        assertThat(policy.problem("border.alerts.partner.eu-monitors_2")).isEmpty();
    }

    @Test
    void everyCatalogueTopicIsRefusedWhateverThePattern() {
        for (var topic : Topics.all()) {
            assertThat(policy.problem(topic.name())).as(topic.name()).isPresent();
            assertThat(permissive.problem(topic.name())).as(topic.name()).hasValueSatisfying(p -> assertThat(p)
                    .contains("channel.topic").contains(topic.name()).contains("pipeline topic"));
        }
        assertThat(permissive.problem("border.reports.raw.telegram")).hasValueSatisfying(
                p -> assertThat(p).contains("reserved family 'border.reports.*'"));
        assertThat(permissive.problem("border.assessments.alert-service.dlq")).isPresent();
        assertThat(permissive.problem("__consumer_offsets")).isPresent();
        assertThat(permissive.problem("partner.anything")).isEmpty();
    }

    @Test
    void namesOutsideThePatternAreRefusedNamingTheProperty() {
        for (String topic : new String[]{"partner.borderwatch", "border.alerts.partner.", "border.alerts.partner.UPPER",
                "border.alerts.partnerx.a", "x.border.alerts.partner.a", "border.alerts.partner.-dash"}) {
            assertThat(policy.problem(topic)).as(topic).hasValueSatisfying(p -> assertThat(p)
                    .contains("channel.topic").contains("alert.kafka.subscription-topic-pattern"));
        }
        assertThat(policy.problem("border.alerts.partner." + "a".repeat(101))).isPresent();
        assertThat(policy.problem(null)).isPresent();
    }
}
