package org.borderwatch.deploy.local.kafka;

import org.borderwatch.common.topic.Topic;
import org.borderwatch.common.topic.Topics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class TopicPlanTest {

    private static Map<String, TopicSpec> plan(int partitions) {
        return TopicPlan.forCatalogue(partitions).stream().collect(Collectors.toMap(TopicSpec::name, Function.identity()));
    }

    @Test
    void coversEveryTopicOfTheCatalogue() {
        List<String> catalogue = Topics.all().stream().map(Topic::name).toList();
        assertThat(TopicPlan.forCatalogue(6)).extracting(TopicSpec::name).containsExactlyElementsOf(catalogue);
    }

    @Test
    void reportsAndAssessmentsGetTheRequestedPartitions() {
        Map<String, TopicSpec> plan = plan(8);
        assertThat(plan.get(Topics.RAW_STATEMENT.name()).partitions()).isEqualTo(8);
        assertThat(plan.get(Topics.RAW_CANONICAL.name()).partitions()).isEqualTo(8);
        assertThat(plan.get(Topics.NORMALIZED.name()).partitions()).isEqualTo(8);
        assertThat(plan.get(Topics.ASSESSMENTS.name()).partitions()).isEqualTo(8);
        assertThat(plan.get(Topics.ALERTS.name()).partitions()).isEqualTo(3);
    }

    @Test
    void theRejectedTopicHasAsManyPartitionsAsTheRawTopicsWhoseDeadLettersItTakes() {
        Map<String, TopicSpec> plan = plan(6);
        assertThat(plan.get(Topics.REJECTED.name()).partitions())
                .isEqualTo(plan.get(Topics.RAW_STATEMENT.name()).partitions());
        assertThat(plan.get(Topics.REJECTED.name()).configs()).containsEntry("retention.ms", "2592000000");
    }

    @Test
    void smallPartitionCountsAreNotExceededByTheSmallerTopics() {
        Map<String, TopicSpec> plan = plan(2);
        assertThat(plan.get(Topics.ALERTS.name()).partitions()).isEqualTo(2);
        assertThat(plan.get(Topics.ASSESSMENTS.name()).partitions()).isEqualTo(2);
    }

    @Test
    void normalizedReportsAreKeptForeverSoTheClassifierCanReplay() {
        assertThat(plan(6).get(Topics.NORMALIZED.name()).configs())
                .containsEntry("retention.ms", "-1")
                .containsEntry("retention.bytes", "-1");
        assertThat(plan(6).get(Topics.RAW_STATEMENT.name()).configs()).doesNotContainKey("retention.ms");
    }

    @Test
    void defaultIsSixPartitions() {
        assertThat(TopicPlan.DEFAULT_PARTITIONS).isEqualTo(6);
    }
}
