package org.borderwatch.ingest.config;

import org.borderwatch.common.topic.Topics;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Supplies {@code ingest.topics.*} from the topic catalogue in {@code common} with the lowest precedence, so
 * {@code application.yml} can bind destinations to {@code ${ingest.topics.statement}} while YAML, environment
 * variables or command-line arguments may still rename a topic.
 */
public class TopicDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("ingestTopicDefaults", Map.of(
                "ingest.topics.canonical", Topics.RAW_CANONICAL.name(),
                "ingest.topics.statement", Topics.RAW_STATEMENT.name(),
                "ingest.topics.acled", Topics.RAW_ACLED.name(),
                "ingest.topics.normalized", Topics.NORMALIZED.name(),
                "ingest.topics.rejected", Topics.REJECTED.name())));
    }
}
