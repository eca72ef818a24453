package org.borderwatch.classifier.stream;

import java.time.Duration;
import java.util.Objects;

/**
 * Topic names, the punctuation interval and the reorder buffer of the stream.
 *
 * @param punctuateEvery how often (in publication time) the processor steps the engine's clock to the latest
 *                       {@code publishedAt} read, closing quiet incidents
 * @param reorderDelay   how long (wall clock) an arriving report is held before the engine takes it, so that reports
 *                       arriving within this delay of each other reach the engine in publication order; zero takes every
 *                       report at once, in arrival order (audit 4-5, gap 1; see {@link ReorderBuffer})
 * @param reorderBatch   the most held reports one wall-clock punctuation hands to the engine (the rest wait for the
 *                       next one), which keeps a punctuation — one exactly-once transaction — short during a backfill
 */
public record TopologySettings(String inputTopic, String outputTopic, Duration punctuateEvery, Duration reorderDelay,
                               int reorderBatch) {
    /** The defaults as written in configuration (one source for the service and the replay command). */
    public static final String INPUT_TOPIC = "border.reports.normalized";
    public static final String OUTPUT_TOPIC = "border.assessments";
    public static final String PUNCTUATE_EVERY = "PT1H";
    /**
     * Five seconds: the input's tasks write into the one-partition repartition topic in processing order, a commit
     * ({@code commit.interval.ms} 200 ms) at a time, so reports sent in publication order arrive out of it by well under a
     * second; five seconds is a wide margin and adds only seconds to a live assessment.
     */
    public static final String REORDER_DELAY = "PT5S";
    /** A hundred reports: at ~13 ms a report about 1.3 s of work per punctuation, far inside the 10 s transaction timeout. */
    public static final String REORDER_BATCH = "50";
    /** The Kafka Streams application id application.yml takes from {@code classifier.application-id}. */
    public static final String APPLICATION_ID = "borderwatch-classifier";

    public TopologySettings {
        Objects.requireNonNull(inputTopic, "inputTopic");
        Objects.requireNonNull(outputTopic, "outputTopic");
        Objects.requireNonNull(punctuateEvery, "punctuateEvery");
        Objects.requireNonNull(reorderDelay, "reorderDelay");
        if (punctuateEvery.isNegative() || punctuateEvery.isZero()) {
            throw new IllegalArgumentException("punctuateEvery must be a positive duration");
        }
        if (reorderDelay.isNegative()) {
            throw new IllegalArgumentException("reorderDelay must be zero or a positive duration");
        }
        if (reorderBatch < 1) {
            throw new IllegalArgumentException("reorderBatch must be at least 1");
        }
    }

    /** Without a reorder delay: every report is taken as it arrives. */
    public TopologySettings(String inputTopic, String outputTopic, Duration punctuateEvery) {
        this(inputTopic, outputTopic, punctuateEvery, Duration.ZERO, Integer.parseInt(REORDER_BATCH));
    }

    /** The same topics and punctuation with another reorder delay. */
    public TopologySettings withReorderDelay(Duration delay) {
        return new TopologySettings(inputTopic, outputTopic, punctuateEvery, delay, reorderBatch);
    }
}
