package org.borderwatch.classifier.stream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.borderwatch.common.topic.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The topic defaults are literals (annotation defaults must be constants), so they are tied here to the typed
 * catalogue in common and to the binding defaults in application.yml: renaming a topic in one place fails this test.
 */
class TopologySettingsTest {

    @Test
    void theDefaultTopicsAreTheCatalogues() throws IOException {
        assertThat(TopologySettings.INPUT_TOPIC).isEqualTo(Topics.NORMALIZED.name());
        assertThat(TopologySettings.OUTPUT_TOPIC).isEqualTo(Topics.ASSESSMENTS.name());
        try (InputStream in = TopologySettingsTest.class.getResourceAsStream("/application.yml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(yaml).contains("${classifier.topics.input:" + Topics.NORMALIZED.name() + "}")
                    .contains("${classifier.topics.output:" + Topics.ASSESSMENTS.name() + "}")
                    .contains("${classifier.application-id:" + TopologySettings.APPLICATION_ID + "}");
        }
    }

    @Test
    void aPunctuationIntervalMustBePositive() {
        assertThatThrownBy(() -> new TopologySettings("in", "out", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> new TopologySettings("in", "out", Duration.ofNanos(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        // the smallest positive interval is accepted
        assertThatCode(() -> new TopologySettings("in", "out", Duration.ofNanos(1))).doesNotThrowAnyException();
    }

    @Test
    void aReorderDelayIsZeroOrMoreAndABatchAtLeastOne() {
        Duration hour = Duration.ofHours(1);
        assertThat(new TopologySettings("in", "out", hour).reorderDelay()).as("without one: disabled").isZero();
        assertThatCode(() -> new TopologySettings("in", "out", hour, Duration.ZERO, 1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new TopologySettings("in", "out", hour, Duration.ofMillis(-1), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reorderDelay");
        assertThatThrownBy(() -> new TopologySettings("in", "out", hour, Duration.ofSeconds(5), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reorderBatch");
    }
}
