package org.borderwatch.classifier.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.borderwatch.classifier.engine.ClassifierSettings;
import org.borderwatch.classifier.reliability.ReliabilitySettings;
import org.borderwatch.classifier.signal.SignalThresholds;
import org.borderwatch.classifier.stream.TopologySettings;
import org.borderwatch.classifier.verdict.SeveritySettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Everything under {@code classifier.*}; the defaults are those of the design document. */
@Validated
@ConfigurationProperties("classifier")
public record ClassifierProperties(
        @NotNull @DefaultValue("PT6H") Duration sessionGap,
        @NotNull @DefaultValue("P7D") Duration grace,
        @NotNull @DefaultValue("P7D") Duration quietPeriod,
        @NotNull @DefaultValue("PT1H") Duration punctuateEvery,
        @Valid @NotNull @DefaultValue Topics topics,
        @Valid @NotNull @DefaultValue Signals signals,
        @Valid @NotNull @DefaultValue Reliability reliability,
        @Valid @NotNull @DefaultValue Severity severity) {

    public record Topics(@NotBlank @DefaultValue("border.reports.normalized") String input,
                         @NotBlank @DefaultValue("border.assessments") String output) {
    }

    public record Signals(
            @NotNull @DefaultValue("P7D") Duration surgeWindow,
            @Min(1) @DefaultValue("3") int surgeMinClaims,
            @DecimalMin("0") @DefaultValue("2.0") double surgeFactor,
            @Min(1) @DefaultValue("4") int surgeBaselineWeeks,
            @DecimalMin("0.01") @DecimalMax("1") @DefaultValue("0.6") double uncorroboratedShare,
            @Min(1) @DefaultValue("3") int fatalitiesCritical,
            @NotNull @DefaultValue("PT48H") Duration retaliationWindow,
            @Min(2) @DefaultValue("3") int spreadSegments,
            @NotNull @DefaultValue("PT24H") Duration spreadWindow,
            @NotNull @DefaultValue("P30D") Duration quietCalm,
            @NotNull @DefaultValue("P90D") Duration quietLookback,
            @Min(1) @DefaultValue("3") int quietMinIncidents,
            @NotNull @DefaultValue("P14D") Duration milestoneLookback) {

        SignalThresholds toThresholds() {
            return new SignalThresholds(surgeWindow, surgeMinClaims, surgeFactor, surgeBaselineWeeks,
                    uncorroboratedShare, fatalitiesCritical, retaliationWindow, spreadSegments, spreadWindow,
                    quietCalm, quietLookback, quietMinIncidents, milestoneLookback);
        }
    }

    public record Reliability(@DecimalMin("0.01") @DefaultValue("2") double partyAlpha,
                              @DecimalMin("0.01") @DefaultValue("2") double partyBeta,
                              @DecimalMin("0.01") @DefaultValue("8") double observerAlpha,
                              @DecimalMin("0.01") @DefaultValue("2") double observerBeta) {
    }

    public record Severity(@Min(1) @DefaultValue("2") int highSignals,
                           @Min(2) @DefaultValue("3") int criticalHeavySignals) {
    }

    public ClassifierSettings toSettings() {
        return new ClassifierSettings(sessionGap, grace, quietPeriod, signals.toThresholds(),
                new ReliabilitySettings(reliability.partyAlpha(), reliability.partyBeta(),
                        reliability.observerAlpha(), reliability.observerBeta()),
                new SeveritySettings(severity.highSignals(), severity.criticalHeavySignals()));
    }

    public TopologySettings toTopology() {
        return new TopologySettings(topics.input(), topics.output(), punctuateEvery);
    }
}
