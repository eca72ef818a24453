package org.borderwatch.classifier.stream;

import java.time.Duration;
import java.util.Objects;

/**
 * Topic names and the punctuation interval of the stream.
 *
 * @param punctuateEvery how often (in stream time) the punctuator closes quiet incidents
 */
public record TopologySettings(String inputTopic, String outputTopic, Duration punctuateEvery) {
    public TopologySettings {
        Objects.requireNonNull(inputTopic, "inputTopic");
        Objects.requireNonNull(outputTopic, "outputTopic");
        Objects.requireNonNull(punctuateEvery, "punctuateEvery");
    }
}
