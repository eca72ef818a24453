package org.borderwatch.classifier.stream;

import java.time.Duration;
import java.util.Objects;

/**
 * Topic names and the punctuation interval of the stream.
 *
 * @param punctuateEvery how often (in publication time) the processor steps the engine's clock to the latest
 *                       {@code publishedAt} read, closing quiet incidents
 */
public record TopologySettings(String inputTopic, String outputTopic, Duration punctuateEvery) {
    /** The defaults as written in configuration (one source for the service and the replay command). */
    public static final String INPUT_TOPIC = "border.reports.normalized";
    public static final String OUTPUT_TOPIC = "border.assessments";
    public static final String PUNCTUATE_EVERY = "PT1H";
    /** The Kafka Streams application id application.yml takes from {@code classifier.application-id}. */
    public static final String APPLICATION_ID = "borderwatch-classifier";

    public TopologySettings {
        Objects.requireNonNull(inputTopic, "inputTopic");
        Objects.requireNonNull(outputTopic, "outputTopic");
        Objects.requireNonNull(punctuateEvery, "punctuateEvery");
        if (punctuateEvery.isNegative() || punctuateEvery.isZero()) {
            throw new IllegalArgumentException("punctuateEvery must be a positive duration");
        }
    }
}
