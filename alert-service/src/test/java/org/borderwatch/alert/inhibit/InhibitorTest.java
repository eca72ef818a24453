package org.borderwatch.alert.inhibit;

import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.TimeWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;
import static org.borderwatch.common.model.BorderSegment.TAVUSH;
import static org.borderwatch.common.model.Severity.CRITICAL;
import static org.borderwatch.common.model.Severity.HIGH;
import static org.borderwatch.common.model.Severity.LOW;
import static org.borderwatch.common.model.Severity.MEDIUM;

class InhibitorTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2024, 2, 13, 6, 0, 0, 0, ZoneOffset.ofHours(4));
    private static final IncidentView CRITICAL_SOURCE = view(SYUNIK_EAST, CRITICAL, T0);
    private final Inhibitor inhibitor = new Inhibitor(List.of(
            new InhibitionRule(CRITICAL, Set.of(LOW, MEDIUM), Duration.ofHours(12))));

    private static IncidentView view(BorderSegment segment, Severity severity, OffsetDateTime at) {
        return new IncidentView(UUID.randomUUID(), segment, severity, new TimeWindow(at, at.plusHours(1)));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("low, same segment, 3 h later", view(SYUNIK_EAST, LOW, T0.plusHours(3)), true),
                Arguments.of("medium, overlapping", view(SYUNIK_EAST, MEDIUM, T0.plusMinutes(30)), true),
                Arguments.of("medium, 12 h before (edge)", view(SYUNIK_EAST, MEDIUM, T0.minusHours(13)), true),
                Arguments.of("medium, 2 days later", view(SYUNIK_EAST, MEDIUM, T0.plusDays(2)), false),
                Arguments.of("high is never muted", view(SYUNIK_EAST, HIGH, T0.plusHours(1)), false),
                Arguments.of("other segment", view(TAVUSH, LOW, T0.plusHours(1)), false),
                Arguments.of("today's incident vs a replayed old critical", view(SYUNIK_EAST, LOW,
                        T0.plusYears(1)), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void inhibitsInEventTime(String name, IncidentView target, boolean muted) {
        assertThat(inhibitor.inhibitedBy(target, List.of(CRITICAL_SOURCE)).isPresent()).isEqualTo(muted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aNonCriticalSourceMutesNothing(String name, IncidentView target, boolean ignored) {
        IncidentView high = new IncidentView(UUID.randomUUID(), SYUNIK_EAST, HIGH, CRITICAL_SOURCE.window());
        assertThat(inhibitor.inhibitedBy(target, List.of(high))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aRefutedCriticalSourceMutesNothing(String name, IncidentView target, boolean ignored) {
        IncidentView refuted = new IncidentView(CRITICAL_SOURCE.incidentId(), SYUNIK_EAST, CRITICAL,
                CRITICAL_SOURCE.window(), Occurrence.REFUTED);
        assertThat(inhibitor.inhibitedBy(target, List.of(refuted))).isEmpty();
    }

    @Test
    void everyInhibitorIsListedInAStableOrder() {
        IncidentView target = view(SYUNIK_EAST, LOW, T0.plusHours(1));
        IncidentView other = view(SYUNIK_EAST, CRITICAL, T0.plusHours(2));
        List<IncidentView> forward = inhibitor.inhibitors(target, List.of(CRITICAL_SOURCE, other));
        List<IncidentView> backward = inhibitor.inhibitors(target, List.of(other, CRITICAL_SOURCE));
        assertThat(forward).containsExactlyInAnyOrder(CRITICAL_SOURCE, other).isEqualTo(backward);
        assertThat(inhibitor.inhibitedBy(target, List.of(other, CRITICAL_SOURCE))).contains(forward.get(0));
    }

    static Stream<Arguments> sourceChanges() {
        IncidentView before = CRITICAL_SOURCE;
        return Stream.of(
                Arguments.of("severity lowered", before, with(before, HIGH, before.window(), null), true),
                Arguments.of("refuted by a review", before, with(before, CRITICAL, before.window(),
                        Occurrence.REFUTED), true),
                Arguments.of("event time moved", before, with(before, CRITICAL,
                        new TimeWindow(T0.plusDays(3), T0.plusDays(3).plusHours(1)), null), true),
                Arguments.of("still critical, another occurrence", before, with(before, CRITICAL, before.window(),
                        Occurrence.DISPUTED), false),
                Arguments.of("unchanged", before, before, false),
                Arguments.of("was never a source", with(before, HIGH, before.window(), null),
                        with(before, MEDIUM, before.window(), null), false),
                Arguments.of("becomes a source", with(before, HIGH, before.window(), null), before, false));
    }

    private static IncidentView with(IncidentView v, Severity severity, TimeWindow window, Occurrence occurrence) {
        return new IncidentView(v.incidentId(), v.segment(), severity, window, occurrence);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sourceChanges")
    void aSourceMayHaveEndedOnlyWhenItWasOneAndChangedWhatMatters(String name, IncidentView before,
                                                                  IncidentView after, boolean ended) {
        assertThat(inhibitor.sourceMayHaveEnded(before, after)).isEqualTo(ended);
    }
}
