package org.borderwatch.alert.lifecycle;

import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one subscriber is told changed, measured against the last message of the alert it received (table-driven):
 * the first word is news (FIRED, no changes, a release line kept), the next message after the one received is left
 * as the lifecycle made it, a message after a gap says what differs from what the subscriber last saw (the
 * message's own lines kept in place), and the sequence never moves.
 */
class SubscriberChangesTest {

    private static final UUID INCIDENT = UUID.fromString("5a1c2e9b-0d4f-4c61-9e7a-3b8f2d6c1a07");
    private static final String RELEASED = "released: held back by silence s-1, which has ended";

    private static Alert m(long seq, AlertEvent event, AlertStatus status, Severity severity, Occurrence occurrence,
                           List<SignalType> signals, String... changes) {
        return new Alert(1, AlertLifecycle.alertIdOf(INCIDENT), INCIDENT, seq, seq, event, status,
                BorderSegment.TAVUSH, severity, occurrence, null, signals, null, null, "summary " + seq,
                List.of("because"), null, OffsetDateTime.of(2026, 11, 23, 12, 0, 0, 0, ZoneOffset.UTC),
                List.of(changes));
    }

    static Stream<Arguments> cases() {
        Alert fired = m(1, AlertEvent.FIRED, AlertStatus.FIRING, Severity.MEDIUM, Occurrence.DISPUTED, List.of());
        Alert occurrence = m(2, AlertEvent.UPDATED, AlertStatus.FIRING, Severity.MEDIUM, Occurrence.CONFIRMED,
                List.of(), "occurrence DISPUTED -> CONFIRMED");
        Alert raised = m(3, AlertEvent.UPDATED, AlertStatus.FIRING, Severity.HIGH, Occurrence.CONFIRMED, List.of(),
                "severity MEDIUM -> HIGH");
        Alert leave = m(4, AlertEvent.UPDATED, AlertStatus.FIRING, Severity.MEDIUM, Occurrence.CONFIRMED, List.of(),
                "severity HIGH -> MEDIUM");
        Alert back = m(5, AlertEvent.UPDATED, AlertStatus.FIRING, Severity.HIGH, Occurrence.CONFIRMED,
                List.of(SignalType.FATALITIES), "severity MEDIUM -> HIGH", "new signal FATALITIES");
        Alert backSame = m(5, AlertEvent.UPDATED, AlertStatus.FIRING, Severity.HIGH, Occurrence.CONFIRMED, List.of(),
                "severity MEDIUM -> HIGH");
        Alert closed = m(6, AlertEvent.RESOLVED, AlertStatus.RESOLVED, Severity.HIGH, Occurrence.REFUTED,
                List.of(SignalType.FATALITIES), "incident closed", "occurrence CONFIRMED -> REFUTED");
        Alert reviewed = m(4, AlertEvent.REVIEWED, AlertStatus.FIRING, Severity.HIGH, Occurrence.CONFIRMED, List.of(),
                "reviewed by staff1: REFUTED");
        Alert released = m(3, AlertEvent.UPDATED, AlertStatus.FIRING, Severity.HIGH, Occurrence.CONFIRMED, List.of(),
                "severity MEDIUM -> HIGH", RELEASED);
        Alert nothing = m(4, AlertEvent.UPDATED, AlertStatus.FIRING, Severity.MEDIUM, Occurrence.DISPUTED, List.of(),
                "version 7: nothing that matters changed");
        return Stream.of(
                // never told: news
                Arguments.of("first word at an update", raised, null, AlertEvent.FIRED, List.of()),
                Arguments.of("first word at a review", reviewed, null, AlertEvent.FIRED, List.of()),
                Arguments.of("first word released", released, null, AlertEvent.FIRED, List.of(RELEASED)),
                Arguments.of("first word a closed incident", closed, null, AlertEvent.RESOLVED, List.of()),
                Arguments.of("first word FIRED as is", fired, null, AlertEvent.FIRED, List.of()),
                // the message right after the one it received: as the lifecycle made it
                Arguments.of("next after its last", occurrence, fired, AlertEvent.UPDATED,
                        List.of("occurrence DISPUTED -> CONFIRMED")),
                Arguments.of("leave notice it received, then back in", back, leave, AlertEvent.UPDATED,
                        List.of("severity MEDIUM -> HIGH", "new signal FATALITIES")),
                // after a gap: against what it last saw
                Arguments.of("skipped the occurrence change", raised, fired, AlertEvent.UPDATED,
                        List.of("severity MEDIUM -> HIGH", "occurrence DISPUTED -> CONFIRMED")),
                Arguments.of("skipped a leave notice for others", back, raised, AlertEvent.UPDATED,
                        List.of("new signal FATALITIES")),
                Arguments.of("skipped it, nothing differs", backSame, raised, AlertEvent.UPDATED,
                        List.of("nothing that matters changed since message 3")),
                Arguments.of("resolution after a gap keeps its line first", closed, raised, AlertEvent.RESOLVED,
                        List.of("incident closed", "occurrence CONFIRMED -> REFUTED", "new signal FATALITIES")),
                Arguments.of("a review after a gap keeps its line", reviewed, occurrence, AlertEvent.REVIEWED,
                        List.of("reviewed by staff1: REFUTED", "severity MEDIUM -> HIGH")),
                Arguments.of("released after a gap: the release line last", released, fired, AlertEvent.UPDATED,
                        List.of("severity MEDIUM -> HIGH", "occurrence DISPUTED -> CONFIRMED", RELEASED)),
                Arguments.of("a leave notice's placeholder replaced", nothing, fired, AlertEvent.UPDATED,
                        List.of("nothing that matters changed since message 1")),
                Arguments.of("signal gone", leave, back, AlertEvent.UPDATED,
                        List.of("severity HIGH -> MEDIUM", "signal gone: FATALITIES")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachSubscriberIsToldWhatChangedSinceTheLastMessageItReceived(String name, Alert message, Alert lastReceived,
                                                                    AlertEvent event, List<String> changes) {
        Alert theirs = SubscriberChanges.forSubscriber(message, lastReceived);

        assertThat(theirs.event()).isEqualTo(event);
        assertThat(theirs.changes()).containsExactlyElementsOf(changes);
        assertThat(theirs.sequence()).as("the same version, the same sequence").isEqualTo(message.sequence());
        assertThat(theirs.status()).isEqualTo(message.status());
        assertThat(theirs.severity()).isEqualTo(message.severity());
        assertThat(theirs.summary()).isEqualTo(message.summary());
        if (theirs.event() == message.event() && theirs.changes().equals(message.changes())) {
            assertThat(theirs).as("unchanged: the lifecycle's own message").isSameAs(message);
        }
    }
}
