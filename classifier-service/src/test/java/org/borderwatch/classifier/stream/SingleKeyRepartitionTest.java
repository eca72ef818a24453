package org.borderwatch.classifier.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TopologyDescription;
import org.borderwatch.classifier.engine.ClassifierSettings;
import org.borderwatch.classifier.metrics.ClassifierMetrics;
import org.borderwatch.classifier.signal.Neighbours;
import org.junit.jupiter.api.Test;

/**
 * The cross-segment detectors (SPREAD, RETALIATION_CYCLE in a neighbouring segment), the per-source surges and the
 * correlation across segments are right only because every report meets the whole border's state in one task: the
 * input, keyed by segment over several partitions, is re-keyed to one key and repartitioned onto one partition before
 * the processor. Every TopologyTestDriver test runs one task whatever the topology, so without this test dropping the
 * repartition would pass them all; {@code ClassifierInstancesIT} shows the same with two instances on a broker.
 */
class SingleKeyRepartitionTest {

    private static final TopologySettings TOPICS = new TopologySettings("reports-in", "assessments-out",
            Duration.ofHours(1));

    private static TopologyDescription describe() {
        Clock clock = Clock.systemUTC();
        return ClassifierTopology.build(TOPICS, ClassifierSettings.defaults(), Neighbours.fromClasspath(),
                new ClassifierMetrics(new SimpleMeterRegistry(), clock), clock).describe();
    }

    private static Set<String> nodeNames(TopologyDescription.Subtopology s) {
        return s.nodes().stream().map(TopologyDescription.Node::name).collect(Collectors.toSet());
    }

    private static Set<String> sourceTopics(TopologyDescription.Subtopology s) {
        return s.nodes().stream().filter(TopologyDescription.Source.class::isInstance)
                .flatMap(n -> ((TopologyDescription.Source) n).topicSet().stream()).collect(Collectors.toSet());
    }

    private static Set<String> sinkTopics(TopologyDescription.Subtopology s) {
        return s.nodes().stream().filter(TopologyDescription.Sink.class::isInstance)
                .map(n -> ((TopologyDescription.Sink) n).topic()).collect(Collectors.toSet());
    }

    @Test
    void theProcessorReadsOnlyTheOneKeyRepartitionNeverTheInputTopic() {
        String repartition = ClassifierTopology.REPARTITION + "-repartition";
        List<TopologyDescription.Subtopology> subtopologies = List.copyOf(describe().subtopologies());
        assertThat(subtopologies).as(describe().toString()).hasSize(2);

        TopologyDescription.Subtopology classify = subtopologies.stream()
                .filter(s -> nodeNames(s).contains("classify")).findFirst().orElseThrow();
        TopologyDescription.Subtopology rekey = subtopologies.stream().filter(s -> s != classify).findFirst()
                .orElseThrow();

        // the input side: reads the segment-keyed input, sets the one key, writes the repartition topic
        assertThat(sourceTopics(rekey)).containsExactly(TOPICS.inputTopic());
        assertThat(nodeNames(rekey)).contains("classifier-one-key");
        assertThat(sinkTopics(rekey)).containsExactly(repartition);

        // the classifier: its only input is the repartition topic, and its store is nowhere else
        assertThat(sourceTopics(classify)).containsExactly(repartition);
        assertThat(sinkTopics(classify)).containsExactly(TOPICS.outputTopic());
        TopologyDescription.Processor processor = classify.nodes().stream()
                .filter(n -> n.name().equals("classify")).map(TopologyDescription.Processor.class::cast)
                .findFirst().orElseThrow();
        assertThat(processor.stores()).containsExactlyInAnyOrder(ClassifierTopology.STORE,
                ClassifierTopology.SOURCES_STORE);
        assertThat(rekey.nodes()).filteredOn(TopologyDescription.Processor.class::isInstance)
                .allSatisfy(n -> assertThat(((TopologyDescription.Processor) n).stores()).isEmpty());
    }
}
