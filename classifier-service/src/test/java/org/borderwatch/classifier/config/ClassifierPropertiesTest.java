package org.borderwatch.classifier.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.borderwatch.classifier.engine.ClassifierSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ClassifierPropertiesTest {

    private static ClassifierProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("classifier",
                ClassifierProperties.class);
    }

    @Test
    void theConfigurationDefaultsAreTheCoresDefaults() {
        ClassifierProperties p = bind(Map.of());
        assertThat(p.toSettings()).isEqualTo(ClassifierSettings.defaults());
        assertThat(p.toTopology().inputTopic()).isEqualTo("border.reports.normalized");
        assertThat(p.toTopology().outputTopic()).isEqualTo("border.assessments");
    }

    @Test
    void thresholdsAreConfiguration() {
        ClassifierProperties p = bind(Map.of("classifier.signals.surge-min-claims", "5",
                "classifier.signals.spread-window", "PT12H", "classifier.session-gap", "PT3H",
                "classifier.severity.critical-heavy-signals", "4"));
        ClassifierSettings s = p.toSettings();
        assertThat(s.signals().surgeMinClaims()).isEqualTo(5);
        assertThat(s.signals().spreadWindow()).isEqualTo(Duration.ofHours(12));
        assertThat(s.sessionGap()).isEqualTo(Duration.ofHours(3));
        assertThat(s.severity().criticalHeavySignals()).isEqualTo(4);
    }
}
