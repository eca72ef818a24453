package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertProperties;
import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.common.topic.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.config.BindingServiceProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Code review F10 in the running service: the binding the intake consumes and its dead-letter topic are the ones
 * {@code alert.topics.assessments} names, by default the catalogue's (every other IT sends its assessments to
 * {@code Topics.ASSESSMENTS} and sees them consumed).
 */
class IntakeTopicIT extends AlertServiceITSupport {

    @Autowired
    BindingServiceProperties bindings;

    /** The binder's own properties live in its child context: its dead-letter setting is read as it resolves here. */
    @Autowired
    org.springframework.core.env.Environment environment;

    @Autowired
    AlertProperties properties;

    @Test
    void theIntakeConsumesTheConfiguredTopicWhichDefaultsToTheCatalogue() {
        assertThat(properties.topics().assessments()).isEqualTo(Topics.ASSESSMENTS.name());
        assertThat(bindings.getBindingDestination("assessments-in-0")).isEqualTo(properties.topics().assessments());
        assertThat(environment.getProperty("spring.cloud.stream.kafka.bindings.assessments-in-0.consumer.dlq-name"))
                .isEqualTo(properties.topics().deadLetter())
                .isEqualTo(Topics.ASSESSMENTS.name() + ".alert-service.dlq");
    }
}
