package org.borderwatch.alert;

import org.borderwatch.common.topic.Topics;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.PropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Code review F10: the topic names of {@code alert.topics.*} default to common's typed catalogue ({@link Topics}),
 * not to literals in this module. The defaults go into Spring Boot's default properties, the environment's
 * lowest-ranked source, so that every configuration (application.yml, a profile, an environment variable such as
 * {@code ALERT_TOPICS_ASSESSMENTS}, the application's own default properties) wins,
 * and the binding's {@code destination: ${alert.topics.assessments}} in application.yml and
 * {@link AlertProperties.Topics} read the same value.
 */
public class TopicDefaults implements EnvironmentPostProcessor {

    /** The defaults: the catalogue's names. */
    public static Map<String, Object> defaults() {
        return Map.of("alert.topics.assessments", Topics.ASSESSMENTS.name(),
                "alert.topics.alerts", Topics.ALERTS.name());
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // into Spring Boot's own "defaultProperties", the lowest-ranked source (kept last by Boot), without replacing
        // a default given there already (SpringApplication#setDefaultProperties)
        Map<String, Object> missing = new HashMap<>(defaults());
        PropertySource<?> existing = environment.getPropertySources().get(DefaultPropertiesPropertySource.NAME);
        if (existing != null) {
            missing.keySet().removeIf(existing::containsProperty);
        }
        DefaultPropertiesPropertySource.addOrMerge(missing, environment.getPropertySources());
    }
}
