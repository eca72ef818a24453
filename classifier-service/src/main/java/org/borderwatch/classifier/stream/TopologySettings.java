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
 * @param idleAfter      wall-clock time without an arriving report after which the incidents that would be closed had
 *                       stream time moved on by the wall-clock time since the last arrival are closed (c20: quiet
 *                       incidents never closed on a calm border); zero disables it. Longer than any gap between
 *                       records of a replay streamed through the topology, so such a replay is never touched by it
 * @param idleCheckEvery how often (wall clock) the processor checks whether it has been idle that long
 */
public record TopologySettings(String inputTopic, String outputTopic, Duration punctuateEvery, Duration reorderDelay,
                               int reorderBatch, Duration idleAfter, Duration idleCheckEvery) {
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
    /**
     * One hour: live, reports arrive every few hours at most on a calm border, so an incident closes at most about an
     * hour (and a check) after its quiet period has passed in wall-clock time; a replay or rebuild streamed through the
     * topology delivers its records milliseconds apart, far inside it.
     */
    public static final String IDLE_AFTER = "PT1H";
    /** Five minutes: the idle check is cheap (nothing is written unless something closes). */
    public static final String IDLE_CHECK_EVERY = "PT5M";
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
        Objects.requireNonNull(idleAfter, "idleAfter");
        Objects.requireNonNull(idleCheckEvery, "idleCheckEvery");
        if (idleAfter.isNegative()) {
            throw new IllegalArgumentException("idleAfter must be zero (disabled) or a positive duration");
        }
        if (idleCheckEvery.isNegative() || idleCheckEvery.isZero()) {
            throw new IllegalArgumentException("idleCheckEvery must be a positive duration");
        }
    }

    /** Without the idle advance (tests that must not be touched by the wall clock). */
    public TopologySettings(String inputTopic, String outputTopic, Duration punctuateEvery, Duration reorderDelay,
                            int reorderBatch) {
        this(inputTopic, outputTopic, punctuateEvery, reorderDelay, reorderBatch, Duration.ZERO,
                Duration.parse(IDLE_CHECK_EVERY));
    }

    /** Without a reorder delay: every report is taken as it arrives. */
    public TopologySettings(String inputTopic, String outputTopic, Duration punctuateEvery) {
        this(inputTopic, outputTopic, punctuateEvery, Duration.ZERO, Integer.parseInt(REORDER_BATCH));
    }

    /** The same topics and punctuation with another reorder delay. */
    public TopologySettings withReorderDelay(Duration delay) {
        return new TopologySettings(inputTopic, outputTopic, punctuateEvery, delay, reorderBatch, idleAfter,
                idleCheckEvery);
    }

    /** The same with another idle advance (zero disables it). */
    public TopologySettings withIdleAdvance(Duration after, Duration checkEvery) {
        return new TopologySettings(inputTopic, outputTopic, punctuateEvery, reorderDelay, reorderBatch, after,
                checkEvery);
    }
}
