package org.borderwatch.alert.ack;

import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.lifecycle.AlertState;
import org.borderwatch.alert.lifecycle.LifecycleSettings;
import org.borderwatch.alert.lifecycle.Transition;
import org.borderwatch.alert.store.StoredAlert;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.testkit.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.borderwatch.common.model.BorderSegment.TAVUSH;
import static org.borderwatch.common.model.Occurrence.CONFIRMED;
import static org.borderwatch.common.model.Occurrence.DISPUTED;
import static org.borderwatch.common.model.Severity.HIGH;
import static org.borderwatch.common.model.Severity.MEDIUM;

class AcknowledgementsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-16T08:00:00Z"));
    private final AlertLifecycle lifecycle = new AlertLifecycle(clock, new LifecycleSettings(Duration.ofHours(4), HIGH));
    private final UUID incident = UUID.fromString("5f0c8a53-55ea-5e0d-9d3b-2d1b2a00ac01");
    private final List<StoredAlert.Message> messages = new ArrayList<>();
    private final List<StoredAlert.Ack> acks = new ArrayList<>();
    private AlertState state;

    private Assessment v(long version, Severity severity, Occurrence occurrence) {
        return Fixtures.assessment(incident, version, TAVUSH, severity, occurrence, false);
    }

    private void apply(Transition t) {
        state = t.state();
        if (t.notifies()) {
            messages.add(new StoredAlert.Message(t.message(), t.reason(), null, t.leaveNotice()));
        }
    }

    private StoredAlert alert() {
        return new StoredAlert(state, 0, messages, Map.of(), null, acks, List.of());
    }

    private Acknowledgements.Decision ack(String by, String comment, Long sequence) {
        Acknowledgements.Decision d = Acknowledgements.decide(alert(), by, comment, sequence, clock.instant());
        if (d instanceof Acknowledgements.Record r) {
            acks.add(r.ack());
        }
        return d;
    }

    @Test
    void anAcknowledgementNamesTheLatestMessageAndAMaterialUpdateUndoesIt() {
        apply(lifecycle.onAssessment(null, v(1, MEDIUM, DISPUTED)));
        assertThat(Acknowledgements.acknowledged(alert())).isFalse();

        Acknowledgements.Decision d = ack("ana", "seen", null);
        assertThat(d).isInstanceOf(Acknowledgements.Record.class);
        assertThat(d.ack().sequence()).isEqualTo(1);
        assertThat(Acknowledgements.acknowledged(alert())).isTrue();

        apply(lifecycle.onAssessment(state, v(2, HIGH, CONFIRMED)));
        assertThat(Acknowledgements.latestMaterialSequence(messages)).isEqualTo(2);
        assertThat(Acknowledgements.acknowledged(alert())).as("the new state was not seen").isFalse();

        assertThat(ack("ana", "confirmed seen", null).ack().sequence()).isEqualTo(2);
        assertThat(Acknowledgements.acknowledged(alert())).isTrue();
    }

    @Test
    void anAcknowledgementOfAnOlderMessageDoesNotCoverTheCurrentState() {
        apply(lifecycle.onAssessment(null, v(1, MEDIUM, DISPUTED)));
        apply(lifecycle.onAssessment(state, v(2, HIGH, DISPUTED)));
        ack("ana", "the first one", 1L);
        assertThat(Acknowledgements.acknowledged(alert())).isFalse();
        ack("ben", "the second one", 2L);
        assertThat(Acknowledgements.acknowledged(alert())).as("anybody's acknowledgement counts").isTrue();
    }

    @Test
    void aRepeatOrALeaveNoticeIsNotMaterial() {
        apply(lifecycle.onAssessment(null, v(1, HIGH, CONFIRMED)));
        ack("ana", "seen", null);
        clock.advance(Duration.ofHours(5));
        Transition repeat = lifecycle.repeatIfDue(state);
        assertThat(repeat.reason()).startsWith(Acknowledgements.REPEAT_REASON_PREFIX);
        apply(repeat);
        assertThat(state.sequence()).isEqualTo(2);
        assertThat(Acknowledgements.latestMaterialSequence(messages)).isEqualTo(1);
        assertThat(Acknowledgements.acknowledged(alert())).isTrue();

        Transition down = lifecycle.onAssessment(state, v(2, MEDIUM, CONFIRMED));
        assertThat(down.notifies()).isFalse();
        apply(lifecycle.leaveNotice(down.state(), "no longer matches minSeverity HIGH"));
        assertThat(state.sequence()).isEqualTo(3);
        assertThat(Acknowledgements.acknowledged(alert())).isTrue();

        // a release of a held-back message repeats its entry under the same sequence: still the first that counts
        messages.add(new StoredAlert.Message(messages.get(2).alert(), "released: silence ended", null, true));
        assertThat(Acknowledgements.latestMaterialSequence(messages)).isEqualTo(1);

        // and the acknowledgement of the latest (a leave notice) is allowed and covers everything before it
        assertThat(ack("ben", "seen the downgrade", null).ack().sequence()).isEqualTo(3);
    }

    @Test
    void theSameAcknowledgementAgainIsTheExistingOne() {
        apply(lifecycle.onAssessment(null, v(1, MEDIUM, DISPUTED)));
        StoredAlert.Ack first = ack("ana", "seen", null).ack();
        clock.advance(Duration.ofMinutes(1));

        Acknowledgements.Decision again = ack("ana", "seen", null);
        assertThat(again).isInstanceOf(Acknowledgements.Existing.class);
        assertThat(again.ack()).isEqualTo(first);
        assertThat(ack("ana", "seen", 1L)).isInstanceOf(Acknowledgements.Existing.class);
        assertThat(acks).hasSize(1);

        assertThat(ack("ana", "seen, calling the desk", null)).as("a new comment is a new acknowledgement")
                .isInstanceOf(Acknowledgements.Record.class);
        assertThat(ack("ben", "seen", null)).as("another user's").isInstanceOf(Acknowledgements.Record.class);
        assertThat(acks).hasSize(3);
    }

    @Test
    void refusesAMessageThatDoesNotExistOrIsOlderThanTheCallersOwnAcknowledgement() {
        apply(lifecycle.onAssessment(null, v(1, MEDIUM, DISPUTED)));
        apply(lifecycle.onAssessment(state, v(2, HIGH, DISPUTED)));

        assertThatThrownBy(() -> ack("ana", "x", 3L)).isInstanceOfSatisfying(Acknowledgements.Refused.class,
                e -> assertThat(e.conflict()).isTrue()).hasMessageContaining("has no message 3")
                .hasMessageContaining("latest message is 2");
        assertThatThrownBy(() -> ack("ana", "x", 0L)).isInstanceOfSatisfying(Acknowledgements.Refused.class,
                e -> assertThat(e.conflict()).isFalse()).hasMessageContaining("sequence must be 1 or more");

        ack("ana", "seen", 2L);
        assertThatThrownBy(() -> ack("ana", "late", 1L)).isInstanceOfSatisfying(Acknowledgements.Refused.class,
                e -> assertThat(e.conflict()).isTrue()).hasMessageContaining("ana already acknowledged message 2");
        assertThat(ack("ben", "late", 1L)).isInstanceOf(Acknowledgements.Record.class);
        assertThat(acks).extracting(StoredAlert.Ack::sequence).containsExactly(2L, 1L);
    }

    @Test
    void anAcknowledgementStoredWithoutASequenceIsTakenForTheMessageCurrentThen() {
        apply(lifecycle.onAssessment(null, v(1, MEDIUM, DISPUTED)));
        Instant between = clock.instant().plusSeconds(30);
        clock.advance(Duration.ofMinutes(1));
        apply(lifecycle.onAssessment(state, v(2, HIGH, DISPUTED)));

        assertThat(Acknowledgements.sequenceAt(messages, between)).isEqualTo(1);
        assertThat(Acknowledgements.sequenceAt(messages, clock.instant())).isEqualTo(2);
        assertThat(Acknowledgements.sequenceAt(messages, Instant.parse("2025-03-16T07:00:00Z"))).isZero();
    }
}
