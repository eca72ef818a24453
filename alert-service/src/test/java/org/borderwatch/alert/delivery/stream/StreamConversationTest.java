package org.borderwatch.alert.delivery.stream;

import org.borderwatch.alert.routing.SubscriptionFilter;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StreamConversationTest {

    private static final StreamFilter CRITICAL_ONLY = StreamFilter.of(
            new SubscriptionFilter(Set.of(), Severity.CRITICAL, Set.of(), Set.of()));

    private static Alert message(AlertEvent event, Severity severity) {
        return new Alert(1, UUID.randomUUID(), UUID.randomUUID(), 2, 2, event,
                event == AlertEvent.RESOLVED ? AlertStatus.RESOLVED : AlertStatus.FIRING, BorderSegment.TAVUSH,
                severity, Occurrence.UNVERIFIED, null, List.of(), null, List.of(), "s", List.of(), null,
                OffsetDateTime.of(2026, 11, 22, 10, 0, 0, 0, ZoneOffset.UTC));
    }

    // a stream watching CRITICAL only
    @ParameterizedTest(name = "{0}, {1} {2} -> send {3}, marked {4}, then {5}")
    @CsvSource({
            // never told: only what matches
            "NEVER_TOLD, FIRED,    CRITICAL, true,  false, IN",
            "NEVER_TOLD, UPDATED,  HIGH,     false, false, NEVER_TOLD",
            "NEVER_TOLD, RESOLVED, HIGH,     false, false, NEVER_TOLD",
            // in: matching as usual, a message that no longer matches once more, marked (its last word)
            "IN,         UPDATED,  CRITICAL, true,  false, IN",
            "IN,         UPDATED,  HIGH,     true,  true,  OUT",
            "IN,         REVIEWED, LOW,      true,  true,  OUT",
            // a resolution reaches it whether it matches or not, unmarked
            "IN,         RESOLVED, HIGH,     true,  false, OUT",
            "IN,         RESOLVED, CRITICAL, true,  false, IN",
            // out: nothing until a message matches again
            "OUT,        UPDATED,  MEDIUM,   false, false, OUT",
            "OUT,        RESOLVED, MEDIUM,   false, false, OUT",
            "OUT,        UPDATED,  CRITICAL, true,  false, IN"})
    void aClientHearsAnIncidentLeaveItsFilterOnceThenNothing(StreamConversation.State state, AlertEvent event,
                                                            Severity severity, boolean send, boolean marked,
                                                            StreamConversation.State next) {
        StreamConversation.Decision d = StreamConversation.decide(CRITICAL_ONLY, state, message(event, severity));

        assertThat(d.send()).isEqualTo(send);
        assertThat(d.noLongerMatching() != null).isEqualTo(marked);
        assertThat(d.next()).isEqualTo(next);
        if (marked) {
            assertThat(d.noLongerMatching()).isEqualTo("severity " + severity + " is below minSeverity CRITICAL");
        }
    }

    @Test
    void aResumingClientStandsWhereItsLastMessageBeforeTheResumeLeftIt() {
        assertThat(StreamConversation.after(CRITICAL_ONLY, null)).isEqualTo(StreamConversation.State.NEVER_TOLD);
        assertThat(StreamConversation.after(CRITICAL_ONLY, message(AlertEvent.FIRED, Severity.CRITICAL)))
                .isEqualTo(StreamConversation.State.IN);
        assertThat(StreamConversation.after(CRITICAL_ONLY, message(AlertEvent.UPDATED, Severity.HIGH)))
                .isEqualTo(StreamConversation.State.OUT);
    }

    @Test
    void namedSeveritiesAndTheFilterSayWhyTogether() {
        StreamFilter filter = new StreamFilter(new SubscriptionFilter(Set.of(BorderSegment.ARARAT), Severity.INFO,
                Set.of(SignalType.FATALITIES), Set.of()), Set.of(Severity.HIGH, Severity.CRITICAL));
        Alert m = message(AlertEvent.UPDATED, Severity.MEDIUM);

        assertThat(filter.matches(m)).isFalse();
        assertThat(filter.mismatch(m)).isEqualTo("segment TAVUSH is not one of ARARAT; no signal any more (signals "
                + "FATALITIES); severity MEDIUM is not one of HIGH, CRITICAL");
        assertThat(StreamFilter.ANY.matches(m)).isTrue();
        assertThat(StreamFilter.ANY.mismatch(m)).isEmpty();
    }
}
