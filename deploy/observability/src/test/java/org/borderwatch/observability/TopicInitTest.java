package org.borderwatch.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.borderwatch.common.topic.Topic;
import org.borderwatch.common.topic.Topics;
import org.junit.jupiter.api.Test;

/** The compose topic-init container creates exactly the catalogue's topics, with the settings the design asks for. */
class TopicInitTest {

    record Planned(String name, int partitions, Map<String, String> config) {
    }

    private final Map<String, Planned> planned = plannedTopics();

    @Test
    void createsEveryCatalogueTopicAndNothingElse() {
        assertThat(planned.keySet())
                .containsExactlyInAnyOrderElementsOf(Topics.all().stream().map(Topic::name).toList());
        planned.keySet().forEach(name -> assertThat(Topics.byName(name)).as(name).isPresent());
    }

    @Test
    void reportAndAssessmentTopicsHaveSixPartitions() {
        for (Topic<?, ?> t : new Topic<?, ?>[] {Topics.RAW_CANONICAL, Topics.RAW_STATEMENT, Topics.RAW_ACLED,
                Topics.NORMALIZED, Topics.REJECTED, Topics.ASSESSMENTS}) {
            assertThat(planned.get(t.name()).partitions()).as(t.name()).isEqualTo(6);
        }
        assertThat(planned.get(Topics.ALERTS.name()).partitions()).isPositive();
    }

    @Test
    void normalizedReportsAreKeptForeverSoTheClassifierCanReplay() {
        assertThat(planned.get(Topics.NORMALIZED.name()).config()).containsEntry("retention.ms", "-1");
        planned.values().stream().filter(p -> !p.name().equals(Topics.NORMALIZED.name()))
                .forEach(p -> assertThat(p.config()).as(p.name()).doesNotContainEntry("retention.ms", "-1"));
    }

    @Test
    void theScriptReadsTheTopicListAndPassesEachConfigPair() {
        String script = Repo.yaml("docker-compose.yml").path("services").path("topic-init").path("command").get(0)
                .asString();
        assertThat(script).contains("kafka-topics.sh", "--create", "--if-not-exists", "--replication-factor 1",
                "--config", "<<< \"$${TOPICS}\"");
    }

    static Map<String, Planned> plannedTopics() {
        String topics = Repo.yaml("docker-compose.yml").path("services").path("topic-init").path("environment")
                .path("TOPICS").asString();
        Map<String, Planned> result = new LinkedHashMap<>();
        for (String line : topics.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            Map<String, String> config = parts.length > 2
                    ? java.util.Arrays.stream(parts[2].split(",")).map(kv -> kv.split("=", 2))
                            .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]))
                    : Map.of();
            if (result.put(parts[0], new Planned(parts[0], Integer.parseInt(parts[1]), config)) != null) {
                throw new AssertionError(parts[0] + " is listed twice");
            }
        }
        return result;
    }
}
