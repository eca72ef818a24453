package org.borderwatch.alert.lifecycle;

import org.borderwatch.alert.Fixtures;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Review;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.schema.JsonSchemas;
import org.borderwatch.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.common.model.BorderSegment.GEGHARKUNIK;
import static org.borderwatch.common.model.Occurrence.CONFIRMED;
import static org.borderwatch.common.model.Occurrence.DISPUTED;
import static org.borderwatch.common.model.Occurrence.REFUTED;
import static org.borderwatch.common.model.Occurrence.UNVERIFIED;
import static org.borderwatch.common.model.Severity.CRITICAL;
import static org.borderwatch.common.model.Severity.HIGH;
import static org.borderwatch.common.model.Severity.LOW;
import static org.borderwatch.common.model.Severity.MEDIUM;

class AlertLifecycleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-16T08:00:00Z"));
    private final AlertLifecycle lifecycle = new AlertLifecycle(clock,
            new LifecycleSettings(Duration.ofHours(4), HIGH));
    private final UUID incident = UUID.fromString("5f0c8a53-55ea-5e0d-9d3b-2d1b2a000001");

    private Assessment v(long version, Severity severity, Occurrence occurrence, boolean closed,
                         SignalType... signals) {
        return Fixtures.assessment(incident, version, GEGHARKUNIK, severity, occurrence, closed, signals);
    }

    @Test
    void firstVersionFiresWithAStableAlertId() {
        Transition t = lifecycle.onAssessment(null, v(1, MEDIUM, DISPUTED, false));

        Alert m = t.message();
        assertThat(m.event()).isEqualTo(AlertEvent.FIRED);
        assertThat(m.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(m.sequence()).isEqualTo(1);
        assertThat(m.alertId()).isEqualTo(AlertLifecycle.alertIdOf(incident));
        assertThat(m.createdAt()).isEqualTo(OffsetDateTime.of(2025, 3, 16, 8, 0, 0, 0, ZoneOffset.UTC));
        assertThat(m.summary()).contains("MEDIUM GEGHARKUNIK").contains("DISPUTED");
    }

    static Stream<Arguments> secondVersions() {
        return Stream.of(
                Arguments.of("severity up", HIGH, DISPUTED, new SignalType[0], true, "severity MEDIUM -> HIGH"),
                Arguments.of("severity down", LOW, DISPUTED, new SignalType[0], false, "nothing"),
                Arguments.of("same everything", MEDIUM, DISPUTED, new SignalType[0], false, "nothing"),
                Arguments.of("occurrence changed", MEDIUM, REFUTED, new SignalType[0], true,
                        "occurrence DISPUTED -> REFUTED"),
                Arguments.of("new signal", MEDIUM, DISPUTED, new SignalType[]{SignalType.CLAIM_SURGE}, true,
                        "new signal CLAIM_SURGE"),
                Arguments.of("signal already told", MEDIUM, DISPUTED, new SignalType[]{SignalType.HEAVY_WEAPONS},
                        false, "nothing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secondVersions")
    void updatesOnlyWhenSomethingThatMattersChanged(String name, Severity severity, Occurrence occurrence,
                                                    SignalType[] signals, boolean notifies, String reason) {
        AlertState first = lifecycle.onAssessment(null, v(1, MEDIUM, DISPUTED, false, SignalType.HEAVY_WEAPONS))
                .state();
        clock.advance(Duration.ofMinutes(5));

        Transition t = lifecycle.onAssessment(first, v(2, severity, occurrence, false, signals));

        assertThat(t.notifies()).isEqualTo(notifies);
        assertThat(t.reason()).contains(reason);
        assertThat(t.state().latest().version()).isEqualTo(2);
        if (notifies) {
            assertThat(t.message().event()).isEqualTo(AlertEvent.UPDATED);
            assertThat(t.message().sequence()).isEqualTo(2);
        } else {
            assertThat(t.state().sequence()).isEqualTo(1);
        }
    }

    @Test
    void changesAreMeasuredAgainstWhatWasNotifiedNotTheLastVersion() {
        AlertState s1 = lifecycle.onAssessment(null, v(1, HIGH, DISPUTED, false)).state();
        AlertState s2 = lifecycle.onAssessment(s1, v(2, LOW, DISPUTED, false)).state();

        Transition t3 = lifecycle.onAssessment(s2, v(3, HIGH, DISPUTED, false));

        assertThat(t3.notifies()).as("back to the notified severity is not a rise").isFalse();
    }

    @Test
    void redeliveredOrOlderVersionsChangeNothing() {
        AlertState s2 = lifecycle.onAssessment(
                lifecycle.onAssessment(null, v(1, LOW, DISPUTED, false)).state(), v(2, HIGH, DISPUTED, false)).state();

        Transition again = lifecycle.onAssessment(s2, v(2, CRITICAL, CONFIRMED, false));
        Transition older = lifecycle.onAssessment(s2, v(1, CRITICAL, CONFIRMED, false));

        assertThat(again.notifies()).isFalse();
        assertThat(again.state()).isSameAs(s2);
        assertThat(older.notifies()).isFalse();
    }

    @Test
    void closingResolvesOnceAndAFirstClosedVersionResolvesAtOnce() {
        AlertState s1 = lifecycle.onAssessment(null, v(1, MEDIUM, DISPUTED, false)).state();
        Transition resolved = lifecycle.onAssessment(s1, v(2, MEDIUM, DISPUTED, true));
        Transition again = lifecycle.onAssessment(resolved.state(), v(3, MEDIUM, DISPUTED, true));
        Transition firstClosed = lifecycle.onAssessment(null, v(7, LOW, REFUTED, true));

        assertThat(resolved.message().event()).isEqualTo(AlertEvent.RESOLVED);
        assertThat(resolved.message().status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(again.notifies()).isFalse();
        assertThat(firstClosed.message().event()).isEqualTo(AlertEvent.RESOLVED);
    }

    @Test
    void aReviewIsAnUpdateCarryingThePersonsVerdict() {
        AlertState s1 = lifecycle.onAssessment(null, v(1, MEDIUM, DISPUTED, false)).state();
        Review review = new Review(REFUTED, Attribution.CONTESTED, "EUMA patrol saw nothing", "staff1",
                OffsetDateTime.now(clock));

        Transition t = lifecycle.onReview(s1, review);

        assertThat(t.message().event()).isEqualTo(AlertEvent.REVIEWED);
        assertThat(t.message().review()).isEqualTo(review);
        assertThat(t.message().sequence()).isEqualTo(2);
        assertThat(t.state().effectiveOccurrence()).isEqualTo(REFUTED);
        assertThat(t.message().summary()).contains("reviewed REFUTED");
        // the top-level occurrence and version stay the machine's; the person's word is in review (README)
        assertThat(t.message().occurrence()).isEqualTo(DISPUTED);
        assertThat(t.message().assessmentVersion()).isEqualTo(1);
    }

    @Test
    void repeatsStillFiringHighAlertsAfterTheInterval() {
        AlertState high = lifecycle.onAssessment(null, v(1, HIGH, CONFIRMED, false)).state();
        AlertState medium = lifecycle.onAssessment(null,
                Fixtures.assessment(UUID.randomUUID(), 1, GEGHARKUNIK, MEDIUM, CONFIRMED, false)).state();

        clock.advance(Duration.ofHours(3));
        assertThat(lifecycle.repeatIfDue(high).notifies()).isFalse();

        clock.advance(Duration.ofHours(1));
        Transition repeat = lifecycle.repeatIfDue(high);
        assertThat(repeat.message().event()).isEqualTo(AlertEvent.UPDATED);
        assertThat(repeat.reason()).startsWith("repeat");
        assertThat(repeat.message().sequence()).isEqualTo(2);
        // the same state again (README: status FIRING, the same version), with what it is in changes
        assertThat(repeat.message().status()).isEqualTo(org.borderwatch.common.model.AlertStatus.FIRING);
        assertThat(repeat.message().assessmentVersion()).isEqualTo(1);
        assertThat(repeat.message().severity()).isEqualTo(HIGH);
        assertThat(repeat.message().changes()).containsExactly("repeat: still firing after PT4H");
        assertThat(lifecycle.repeatIfDue(medium).notifies()).isFalse();
        assertThat(lifecycle.repeatIfDue(repeat.state()).notifies()).as("interval restarts").isFalse();
    }

    @Test
    void aRefutedAlertIsNotRepeatedWhetherAPersonOrTheMachineRefutedIt() {
        AlertState critical = lifecycle.onAssessment(null, v(1, CRITICAL, CONFIRMED, false)).state();
        AlertState reviewed = lifecycle.onReview(critical, new Review(REFUTED, Attribution.CONTESTED,
                "patrol saw nothing", "staff1", OffsetDateTime.now(clock))).state();
        AlertState machine = lifecycle.onAssessment(null,
                Fixtures.assessment(UUID.randomUUID(), 1, GEGHARKUNIK, HIGH, REFUTED, false)).state();
        assertThat(reviewed.status()).isEqualTo(AlertStatus.FIRING);

        clock.advance(Duration.ofHours(4));
        assertThat(lifecycle.repeatIfDue(critical).notifies()).as("the unreviewed one still repeats").isTrue();
        clock.advance(Duration.ofDays(3));
        Transition none = lifecycle.repeatIfDue(reviewed);
        assertThat(none.notifies()).isFalse();
        assertThat(none.reason()).contains("refuted");
        assertThat(none.state()).isSameAs(reviewed);
        assertThat(lifecycle.repeatIfDue(machine).notifies()).isFalse();

        // a person who reverses the verdict makes it repeat again after the interval
        AlertState confirmed = lifecycle.onReview(reviewed, new Review(CONFIRMED, Attribution.CONTESTED,
                "second patrol saw it", "staff2", OffsetDateTime.now(clock))).state();
        clock.advance(Duration.ofHours(4));
        assertThat(lifecycle.repeatIfDue(confirmed).notifies()).isTrue();
    }

    @Test
    void resolvedAlertsDoNotRepeatAndZeroIntervalDisablesRepeats() {
        AlertState s1 = lifecycle.onAssessment(null, v(1, CRITICAL, CONFIRMED, false)).state();
        AlertState resolved = lifecycle.onAssessment(s1, v(2, CRITICAL, CONFIRMED, true)).state();
        AlertLifecycle noRepeat = new AlertLifecycle(clock, new LifecycleSettings(Duration.ZERO, HIGH));
        clock.advance(Duration.ofDays(2));

        assertThat(lifecycle.repeatIfDue(resolved).notifies()).isFalse();
        assertThat(noRepeat.repeatIfDue(s1).notifies()).isFalse();
    }

    // --- a corrected final version (closed again, next version) after the resolution ---

    private AlertState resolvedUnverifiedMedium() {
        AlertState fired = lifecycle.onAssessment(null, v(1, MEDIUM, UNVERIFIED, false, SignalType.HEAVY_WEAPONS))
                .state();
        clock.advance(Duration.ofDays(7));
        return lifecycle.onAssessment(fired, v(2, MEDIUM, UNVERIFIED, true, SignalType.HEAVY_WEAPONS)).state();
    }

    static Stream<Arguments> correctedFinalVersions() {
        return Stream.of(
                Arguments.of("occurrence changed", MEDIUM, DISPUTED, new SignalType[]{SignalType.HEAVY_WEAPONS},
                        true, "occurrence UNVERIFIED -> DISPUTED"),
                Arguments.of("severity up", HIGH, UNVERIFIED, new SignalType[]{SignalType.HEAVY_WEAPONS}, true,
                        "severity MEDIUM -> HIGH"),
                Arguments.of("new signal", MEDIUM, UNVERIFIED,
                        new SignalType[]{SignalType.HEAVY_WEAPONS, SignalType.FATALITIES}, true,
                        "new signal FATALITIES"),
                Arguments.of("severity down", LOW, UNVERIFIED, new SignalType[]{SignalType.HEAVY_WEAPONS}, false,
                        "already resolved; nothing that matters changed"),
                Arguments.of("signal gone", MEDIUM, UNVERIFIED, new SignalType[0], false,
                        "already resolved; nothing that matters changed"),
                Arguments.of("same verdict", MEDIUM, UNVERIFIED, new SignalType[]{SignalType.HEAVY_WEAPONS}, false,
                        "already resolved; nothing that matters changed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correctedFinalVersions")
    void aCorrectedFinalVersionIsSentOnlyWhenSomethingThatMattersChanged(String name, Severity severity,
                                                                          Occurrence occurrence, SignalType[] signals,
                                                                          boolean notifies, String reason) {
        AlertState resolved = resolvedUnverifiedMedium();
        clock.advance(Duration.ofDays(2));

        Transition t = lifecycle.onAssessment(resolved, v(3, severity, occurrence, true, signals));

        assertThat(t.notifies()).isEqualTo(notifies);
        assertThat(t.reason()).contains(reason);
        assertThat(t.state().status()).as("the incident stays over").isEqualTo(AlertStatus.RESOLVED);
        assertThat(t.state().latest().version()).as("the corrected verdict is stored").isEqualTo(3);
        if (notifies) {
            Alert m = t.message();
            assertThat(m.event()).isEqualTo(AlertEvent.UPDATED);
            assertThat(m.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(m.sequence()).isEqualTo(3);
            assertThat(m.assessmentVersion()).isEqualTo(3);
            assertThat(m.occurrence()).isEqualTo(occurrence);
            assertThat(m.summary()).contains("corrected after closure").contains(severity + " GEGHARKUNIK");
            assertThat(t.reason()).startsWith("corrected after closure: ");
            assertThat(m.createdAt().toInstant()).isEqualTo(clock.instant());
            assertThat(JsonSchemas.validate(JsonSchemas.ALERT, Json.write(m)))
                    .as("a correction follows the published Alert schema").isEmpty();
            assertThat(t.state().lastNotifiedAt()).isEqualTo(clock.instant());
        } else {
            assertThat(t.state().sequence()).isEqualTo(2);
            assertThat(t.state().lastNotifiedAt()).isEqualTo(resolved.lastNotifiedAt());
        }
    }

    @Test
    void aCorrectionIsSentOnceAndLaterCorrectionsAreMeasuredAgainstIt() {
        AlertState resolved = resolvedUnverifiedMedium();
        Transition disputed = lifecycle.onAssessment(resolved, v(3, MEDIUM, DISPUTED, true, SignalType.HEAVY_WEAPONS));

        Transition redelivered = lifecycle.onAssessment(disputed.state(),
                v(3, MEDIUM, DISPUTED, true, SignalType.HEAVY_WEAPONS));
        Transition sameAgain = lifecycle.onAssessment(disputed.state(),
                v(4, MEDIUM, DISPUTED, true, SignalType.HEAVY_WEAPONS));
        Transition confirmed = lifecycle.onAssessment(sameAgain.state(),
                v(5, HIGH, CONFIRMED, true, SignalType.HEAVY_WEAPONS, SignalType.FATALITIES));

        assertThat(redelivered.notifies()).isFalse();
        assertThat(redelivered.state()).isSameAs(disputed.state());
        assertThat(sameAgain.notifies()).as("DISPUTED was already told in the first correction").isFalse();
        assertThat(confirmed.message().sequence()).isEqualTo(4);
        assertThat(confirmed.message().status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(confirmed.reason()).contains("severity MEDIUM -> HIGH", "occurrence DISPUTED -> CONFIRMED",
                "new signal FATALITIES");
    }

    @Test
    void aCorrectionIsNeverRepeatedAndAnOpenVersionAfterItStillReopens() {
        AlertState corrected = lifecycle.onAssessment(resolvedUnverifiedMedium(),
                v(3, CRITICAL, CONFIRMED, true, SignalType.FATALITIES)).state();
        clock.advance(Duration.ofDays(1));

        assertThat(lifecycle.repeatIfDue(corrected).notifies()).as("a resolved alert does not repeat").isFalse();
        Transition reopened = lifecycle.onAssessment(corrected, v(4, CRITICAL, CONFIRMED, false,
                SignalType.FATALITIES));
        assertThat(reopened.message().status()).isEqualTo(AlertStatus.FIRING);
        assertThat(reopened.reason()).isEqualTo("incident reopened");
    }

    @Test
    void aReviewedIncidentsCorrectionKeepsThePersonsVerdictInTheSummary() {
        AlertState resolved = resolvedUnverifiedMedium();
        Review review = new Review(REFUTED, Attribution.CONTESTED, "patrol saw nothing", "staff1",
                OffsetDateTime.now(clock));
        AlertState reviewed = lifecycle.onReview(resolved, review).state();

        Transition t = lifecycle.onAssessment(reviewed, v(3, MEDIUM, DISPUTED, true, SignalType.HEAVY_WEAPONS));

        assertThat(t.message().review()).isEqualTo(review);
        assertThat(t.message().summary()).contains("reviewed REFUTED (machine: DISPUTED)", "corrected after closure");
    }

    /** What a scenario does to a fresh alert of {@link #incident}; its last transition is checked. */
    interface Scenario {
        Transition run(AlertLifecycle lifecycle, AlertLifecycleTest test);
    }

    static Stream<Arguments> changesOfEachMessage() {
        Review review = new Review(REFUTED, Attribution.CONTESTED, "EUMA patrol saw nothing", "alice",
                OffsetDateTime.parse("2025-03-16T12:00:00+04:00"));
        return Stream.of(
                Arguments.of("first version: none", (Scenario) (l, t) -> l.onAssessment(null,
                        t.v(1, MEDIUM, DISPUTED, false)), "first version", new String[0]),
                Arguments.of("first version already closed: none", (Scenario) (l, t) -> l.onAssessment(null,
                        t.v(1, MEDIUM, DISPUTED, true)), "first version already closed", new String[0]),
                Arguments.of("occurrence changed", (Scenario) (l, t) -> l.onAssessment(
                        l.onAssessment(null, t.v(1, MEDIUM, DISPUTED, false)).state(),
                        t.v(2, MEDIUM, REFUTED, false)), "occurrence DISPUTED -> REFUTED",
                        new String[]{"occurrence DISPUTED -> REFUTED"}),
                Arguments.of("severity up and a new signal: one change each", (Scenario) (l, t) -> l.onAssessment(
                        l.onAssessment(null, t.v(1, MEDIUM, DISPUTED, false)).state(),
                        t.v(2, HIGH, DISPUTED, false, SignalType.CLAIM_SURGE)),
                        "severity MEDIUM -> HIGH; new signal CLAIM_SURGE",
                        new String[]{"severity MEDIUM -> HIGH", "new signal CLAIM_SURGE"}),
                Arguments.of("closed", (Scenario) (l, t) -> l.onAssessment(
                        l.onAssessment(null, t.v(1, MEDIUM, DISPUTED, false)).state(),
                        t.v(2, MEDIUM, DISPUTED, true)), "incident closed", new String[]{"incident closed"}),
                Arguments.of("closed with the verdict changed", (Scenario) (l, t) -> l.onAssessment(
                        l.onAssessment(null, t.v(1, MEDIUM, DISPUTED, false)).state(),
                        t.v(2, MEDIUM, CONFIRMED, true)), "incident closed",
                        new String[]{"incident closed", "occurrence DISPUTED -> CONFIRMED"}),
                Arguments.of("reopened", (Scenario) (l, t) -> l.onAssessment(l.onAssessment(
                        l.onAssessment(null, t.v(1, MEDIUM, DISPUTED, false)).state(),
                        t.v(2, MEDIUM, DISPUTED, true)).state(), t.v(3, MEDIUM, DISPUTED, false)),
                        "incident reopened", new String[]{"incident reopened"}),
                Arguments.of("corrected after closure", (Scenario) (l, t) -> l.onAssessment(l.onAssessment(
                        l.onAssessment(null, t.v(1, MEDIUM, DISPUTED, false)).state(),
                        t.v(2, MEDIUM, DISPUTED, true)).state(), t.v(3, MEDIUM, REFUTED, true)),
                        "corrected after closure: occurrence DISPUTED -> REFUTED",
                        new String[]{"corrected after closure", "occurrence DISPUTED -> REFUTED"}),
                Arguments.of("review recorded", (Scenario) (l, t) -> l.onReview(
                        l.onAssessment(null, t.v(1, MEDIUM, DISPUTED, false)).state(), review),
                        "reviewed by alice: REFUTED", new String[]{"reviewed by alice: REFUTED"}),
                Arguments.of("repeat", (Scenario) (l, t) -> {
                    AlertState fired = l.onAssessment(null, t.v(1, HIGH, DISPUTED, false)).state();
                    t.clock.advance(Duration.ofHours(5));
                    return l.repeatIfDue(fired);
                }, "repeat: still firing after PT4H", new String[]{"repeat: still firing after PT4H"}),
                Arguments.of("leave notice: what went down or away", (Scenario) (l, t) -> {
                    AlertState fired = l.onAssessment(null, t.v(1, HIGH, DISPUTED, false,
                            SignalType.HEAVY_WEAPONS)).state();
                    Transition quiet = l.onAssessment(fired, t.v(2, MEDIUM, DISPUTED, false));
                    assertThat(quiet.notifies()).isFalse();
                    return l.leaveNotice(quiet.state(), "no longer matches 'desk'");
                }, "no longer matches 'desk'",
                        new String[]{"severity HIGH -> MEDIUM", "signal gone: HEAVY_WEAPONS"}),
                Arguments.of("leave notice with nothing to name", (Scenario) (l, t) -> {
                    AlertState fired = l.onAssessment(null, t.v(1, HIGH, DISPUTED, false)).state();
                    Transition quiet = l.onAssessment(fired, t.v(2, HIGH, DISPUTED, false));
                    return l.leaveNotice(quiet.state(), "may leave live-stream filters");
                }, "may leave live-stream filters",
                        new String[]{"version 2: nothing that matters changed"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesOfEachMessage")
    void eachMessageSaysWhatChangedSinceThePreviousOneInTheWordsOfItsReason(String name, Scenario scenario,
                                                                          String reason, String[] changes) {
        Transition t = scenario.run(lifecycle, this);

        assertThat(t.reason()).isEqualTo(reason);
        assertThat(t.message().changes()).containsExactly(changes);
        String json = Json.write(t.message());
        assertThat(JsonSchemas.validate(JsonSchemas.ALERT, json)).isEmpty();
        if (changes.length == 0) {
            assertThat(json).as("left out, not []").doesNotContain("changes");
        }
    }
}
