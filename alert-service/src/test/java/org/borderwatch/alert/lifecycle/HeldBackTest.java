package org.borderwatch.alert.lifecycle;

import org.borderwatch.common.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class HeldBackTest {

    private static final UUID CRITICAL_INCIDENT = UUID.fromString("5b0c9a52-3c43-4f41-9d7b-2f2f0c6a7e11");
    private static final UUID OTHER_INCIDENT = UUID.fromString("0a3e1d0f-8f6b-4f34-9a39-6f41f43c9d02");
    private static final String INHIBITED = HeldBack.inhibited(Severity.CRITICAL, CRITICAL_INCIDENT);
    private static final String OTHER_INHIBITED = HeldBack.inhibited(Severity.CRITICAL, OTHER_INCIDENT);
    private static final String SILENCED = HeldBack.silenced("s-42", "staff2", "drill (north of Sotk)");

    @Test
    void recordedReasonsReadBack() {
        assertThat(INHIBITED).isEqualTo("inhibited by CRITICAL incident " + CRITICAL_INCIDENT);
        assertThat(HeldBack.parse(INHIBITED))
                .contains(new HeldBack(HeldBack.Kind.INHIBITED, CRITICAL_INCIDENT.toString()));
        assertThat(HeldBack.parse(SILENCED)).contains(new HeldBack(HeldBack.Kind.SILENCED, "s-42"));
        assertThat(HeldBack.parse(null)).isEmpty();
        assertThat(HeldBack.parse("something else")).isEmpty();
    }

    static Stream<Arguments> rechecks() {
        return Stream.of(
                Arguments.of("inhibition ended, nothing else", INHIBITED, List.of(),
                        HeldBack.Outcome.RELEASE, "released: inhibition by " + CRITICAL_INCIDENT + " ended", null),
                Arguments.of("silence ended, nothing else", SILENCED, List.of(),
                        HeldBack.Outcome.RELEASE, "released: s-42 has ended", null),
                Arguments.of("the same incident still inhibits", INHIBITED, List.of(OTHER_INHIBITED, INHIBITED),
                        HeldBack.Outcome.NOTHING, null, INHIBITED),
                Arguments.of("the same silence still holds", SILENCED, List.of(INHIBITED, SILENCED),
                        HeldBack.Outcome.NOTHING, null, SILENCED),
                Arguments.of("inhibition ended, a silence still holds", INHIBITED, List.of(SILENCED),
                        HeldBack.Outcome.STILL_HELD, "still held back: inhibition by " + CRITICAL_INCIDENT + " ended",
                        SILENCED),
                Arguments.of("inhibition ended, another incident inhibits", INHIBITED,
                        List.of(OTHER_INHIBITED, SILENCED), HeldBack.Outcome.STILL_HELD,
                        "still held back: inhibition by " + CRITICAL_INCIDENT + " ended", OTHER_INHIBITED),
                Arguments.of("silence ended, inhibition holds", SILENCED, List.of(INHIBITED),
                        HeldBack.Outcome.STILL_HELD, "still held back: s-42 has ended", INHIBITED),
                Arguments.of("never held back", null, List.of(), HeldBack.Outcome.NOTHING, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rechecks")
    void recheck(String name, String recorded, List<String> mutingNow, HeldBack.Outcome outcome, String reason,
                 String muted) {
        assertThat(HeldBack.recheck(recorded, mutingNow)).isEqualTo(new HeldBack.Recheck(outcome, reason, muted));
    }

    @Test
    void aReleasedMessageSaysWhatHeldItBack() {
        assertThat(HeldBack.parse(SILENCED).orElseThrow().releasedChange())
                .isEqualTo("released: held back by silence s-42, which has ended");
        assertThat(HeldBack.parse(INHIBITED).orElseThrow().releasedChange())
                .isEqualTo("released: held back by inhibition (incident " + CRITICAL_INCIDENT + "), which has ended");
    }
}
