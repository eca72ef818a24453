package org.borderwatch.classifier.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.borderwatch.classifier.engine.ClassifierSettings;
import org.borderwatch.classifier.reliability.ReliabilitySettings;
import org.borderwatch.classifier.signal.SignalThresholds;
import org.borderwatch.classifier.stream.TopologySettings;
import org.borderwatch.classifier.verdict.SeveritySettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything under {@code classifier.*}; the defaults are those of the design document, written once as constants of
 * the plain-Java settings records (the replay command binds the same keys with {@code replay.SettingKeys}).
 */
@Validated
@ConfigurationProperties("classifier")
public record ClassifierProperties(
        @NotNull @DefaultValue(ClassifierSettings.SESSION_GAP) Duration sessionGap,
        @NotNull @DefaultValue(ClassifierSettings.GRACE) Duration grace,
        @NotNull @DefaultValue(ClassifierSettings.QUIET_PERIOD) Duration quietPeriod,
        @NotNull @DefaultValue(TopologySettings.PUNCTUATE_EVERY) Duration punctuateEvery,
        @NotNull @DefaultValue(TopologySettings.REORDER_DELAY) Duration reorderDelay,
        @Min(1) @DefaultValue(TopologySettings.REORDER_BATCH) int reorderBatch,
        @NotNull @DefaultValue(TopologySettings.IDLE_AFTER) Duration idleAfter,
        @NotNull @DurationMin(nanos = 1, message = "classifier.idle-check-every must be positive")
        @DefaultValue(TopologySettings.IDLE_CHECK_EVERY) Duration idleCheckEvery,
        @Valid @NotNull @DefaultValue Correlation correlation,
        @Valid @NotNull @DefaultValue Topics topics,
        @Valid @NotNull @DefaultValue Signals signals,
        @Valid @NotNull @DefaultValue Reliability reliability,
        @Valid @NotNull @DefaultValue Severity severity,
        @Valid @NotNull @DefaultValue ReadinessGauge readinessGauge) {

    /** The background evaluation of the readiness gauge (operations only: no effect on assessments). */
    public record ReadinessGauge(
            @NotNull @DurationMin(nanos = 1, message = "classifier.readiness-gauge.interval must be positive")
            @DefaultValue(org.borderwatch.support.ReadinessGauge.DEFAULT_INTERVAL) Duration interval) {
    }

    /**
     * How reports are placed into incidents beyond the session gap.
     *
     * @param maxJoiningSpan a report whose event-time interval is longer (a summary "since 1 March", "over the past
     *                       week") neither joins nor bridges sessions of precise reports
     */
    public record Correlation(
            @NotNull @DurationMin(nanos = 1) @DefaultValue(ClassifierSettings.MAX_JOINING_SPAN) Duration maxJoiningSpan) {
    }

    public record Topics(@NotBlank @DefaultValue(TopologySettings.INPUT_TOPIC) String input,
                         @NotBlank @DefaultValue(TopologySettings.OUTPUT_TOPIC) String output) {
    }

    public record Signals(
            @NotNull @DefaultValue(SignalThresholds.SURGE_WINDOW) Duration surgeWindow,
            @Min(1) @DefaultValue(SignalThresholds.SURGE_MIN_CLAIMS) int surgeMinClaims,
            @DecimalMin("0") @DefaultValue(SignalThresholds.SURGE_FACTOR) double surgeFactor,
            @Min(1) @DefaultValue(SignalThresholds.SURGE_BASELINE_WEEKS) int surgeBaselineWeeks,
            @DecimalMin("0.01") @DecimalMax("1") @DefaultValue(SignalThresholds.UNCORROBORATED_SHARE)
            double uncorroboratedShare,
            @Min(1) @DefaultValue(SignalThresholds.FATALITIES_CRITICAL) int fatalitiesCritical,
            @NotNull @DefaultValue(SignalThresholds.RETALIATION_WINDOW) Duration retaliationWindow,
            @Min(2) @DefaultValue(SignalThresholds.SPREAD_SEGMENTS) int spreadSegments,
            @NotNull @DefaultValue(SignalThresholds.SPREAD_WINDOW) Duration spreadWindow,
            @NotNull @DefaultValue(SignalThresholds.QUIET_CALM) Duration quietCalm,
            @NotNull @DefaultValue(SignalThresholds.QUIET_LOOKBACK) Duration quietLookback,
            @Min(1) @DefaultValue(SignalThresholds.QUIET_MIN_INCIDENTS) int quietMinIncidents,
            @NotNull @DefaultValue(SignalThresholds.MILESTONE_LOOKBACK) Duration milestoneLookback) {

        SignalThresholds toThresholds() {
            return new SignalThresholds(surgeWindow, surgeMinClaims, surgeFactor, surgeBaselineWeeks,
                    uncorroboratedShare, fatalitiesCritical, retaliationWindow, spreadSegments, spreadWindow,
                    quietCalm, quietLookback, quietMinIncidents, milestoneLookback);
        }
    }

    public record Reliability(@DecimalMin("0.01") @DefaultValue(ReliabilitySettings.PARTY_ALPHA) double partyAlpha,
                              @DecimalMin("0.01") @DefaultValue(ReliabilitySettings.PARTY_BETA) double partyBeta,
                              @DecimalMin("0.01") @DefaultValue(ReliabilitySettings.OBSERVER_ALPHA)
                              double observerAlpha,
                              @DecimalMin("0.01") @DefaultValue(ReliabilitySettings.OBSERVER_BETA)
                              double observerBeta) {
    }

    public record Severity(@Min(1) @DefaultValue(SeveritySettings.HIGH_SIGNALS) int highSignals,
                           @Min(2) @DefaultValue(SeveritySettings.CRITICAL_HEAVY_SIGNALS) int criticalHeavySignals) {
    }

    public ClassifierSettings toSettings() {
        return new ClassifierSettings(sessionGap, grace, quietPeriod, signals.toThresholds(),
                new ReliabilitySettings(reliability.partyAlpha(), reliability.partyBeta(),
                        reliability.observerAlpha(), reliability.observerBeta()),
                new SeveritySettings(severity.highSignals(), severity.criticalHeavySignals()),
                correlation.maxJoiningSpan());
    }

    public TopologySettings toTopology() {
        return new TopologySettings(topics.input(), topics.output(), punctuateEvery, reorderDelay, reorderBatch,
                idleAfter, idleCheckEvery);
    }
}
