package org.borderwatch.alert.routing;

import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.common.model.BorderSegment.GEGHARKUNIK;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;
import static org.borderwatch.common.model.BorderSegment.TAVUSH;
import static org.borderwatch.common.model.SignalType.CLAIM_SURGE;
import static org.borderwatch.common.model.SignalType.FATALITIES;

class SubscriptionFilterTest {

    static Stream<Arguments> cases() {
        var syunikHigh = new SubscriptionFilter(Set.of(SYUNIK_EAST, GEGHARKUNIK), Severity.HIGH, Set.of(), Set.of());
        var fatal = new SubscriptionFilter(Set.of(), Severity.INFO, Set.of(FATALITIES), Set.of());
        var refuted = new SubscriptionFilter(Set.of(), null, null, Set.of(Occurrence.REFUTED));
        return Stream.of(
                Arguments.of("any matches everything", SubscriptionFilter.ANY, TAVUSH, Severity.INFO, List.of(),
                        Occurrence.UNVERIFIED, true),
                Arguments.of("segment and severity", syunikHigh, SYUNIK_EAST, Severity.HIGH, List.of(),
                        Occurrence.DISPUTED, true),
                Arguments.of("other segment", syunikHigh, TAVUSH, Severity.CRITICAL, List.of(),
                        Occurrence.DISPUTED, false),
                Arguments.of("below minimum severity", syunikHigh, GEGHARKUNIK, Severity.MEDIUM, List.of(),
                        Occurrence.CONFIRMED, false),
                Arguments.of("one of the signals", fatal, TAVUSH, Severity.LOW, List.of(CLAIM_SURGE, FATALITIES),
                        Occurrence.CONFIRMED, true),
                Arguments.of("signals required but none", fatal, TAVUSH, Severity.CRITICAL, List.of(),
                        Occurrence.CONFIRMED, false),
                Arguments.of("occurrence listed", refuted, TAVUSH, Severity.LOW, List.of(), Occurrence.REFUTED, true),
                Arguments.of("occurrence not listed", refuted, TAVUSH, Severity.LOW, List.of(),
                        Occurrence.DISPUTED, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matches(String name, SubscriptionFilter filter, BorderSegment segment, Severity severity,
                 List<SignalType> signals, Occurrence occurrence, boolean expected) {
        assertThat(filter.matches(segment, severity, signals, occurrence)).isEqualTo(expected);
    }

    static Stream<Arguments> mismatches() {
        var all = new SubscriptionFilter(Set.of(SYUNIK_EAST, GEGHARKUNIK), Severity.HIGH, Set.of(FATALITIES),
                Set.of(Occurrence.CONFIRMED, Occurrence.DISPUTED));
        return Stream.of(
                Arguments.of(all, SYUNIK_EAST, Severity.HIGH, List.of(FATALITIES), Occurrence.CONFIRMED, ""),
                Arguments.of(all, TAVUSH, Severity.HIGH, List.of(FATALITIES), Occurrence.CONFIRMED,
                        "segment TAVUSH is not one of GEGHARKUNIK, SYUNIK_EAST"),
                Arguments.of(all, SYUNIK_EAST, Severity.MEDIUM, List.of(CLAIM_SURGE), Occurrence.REFUTED,
                        "severity MEDIUM is below minSeverity HIGH; none of the signals FATALITIES (now CLAIM_SURGE);"
                                + " occurrence REFUTED is not one of CONFIRMED, DISPUTED"),
                Arguments.of(all, SYUNIK_EAST, Severity.CRITICAL, List.of(), Occurrence.DISPUTED,
                        "no signal any more (signals FATALITIES)"));
    }

    @ParameterizedTest(name = "{5}")
    @MethodSource("mismatches")
    void mismatchSaysWhyInWords(SubscriptionFilter filter, BorderSegment segment, Severity severity,
                                List<SignalType> signals, Occurrence occurrence, String expected) {
        var a = org.borderwatch.alert.Fixtures.assessment(java.util.UUID.randomUUID(), 1, segment, severity,
                occurrence, false, signals.toArray(SignalType[]::new));
        var alert = new org.borderwatch.alert.lifecycle.AlertLifecycle(java.time.Clock.systemUTC(),
                new org.borderwatch.alert.lifecycle.LifecycleSettings(java.time.Duration.ZERO, null))
                .onAssessment(null, a).message();
        assertThat(filter.mismatch(alert)).isEqualTo(expected);
        assertThat(filter.matches(alert)).isEqualTo(expected.isEmpty());
    }
}
