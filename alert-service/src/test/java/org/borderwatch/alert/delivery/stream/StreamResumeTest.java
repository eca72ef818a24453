package org.borderwatch.alert.delivery.stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class StreamResumeTest {

    // hub head 50, 55 cursors handed out, messages up to 10 expired
    @ParameterizedTest(name = "Last-Event-ID [{0}] -> {1} after {2}")
    @CsvSource(nullValues = "null", value = {
            "null, Live, 50",        // fresh connection: live from the hub's cursor
            "'  ', Live, 50",
            "50, Live, 50",          // nothing missed
            "53, Live, 53",          // another replica is ahead of this one: no duplicates of 51..53
            "55, Live, 55",
            "10, Replay, 50",        // exactly at the expiry boundary: nothing missing
            "11, Replay, 50",
            "49, Replay, 50",
            "9, Reset, 50",          // 10 was deleted: the client would have a gap
            "0, Reset, 50",
            "56, Reset, 50",         // never handed out (e.g. after a store was reset)
            "abc, Reset, 50",
            "4f6b1d2e-3a8c-5c1e-9a51-0f7b6a3f4c21-3, Reset, 50", // the old alertId-sequence ids
            "-4, Reset, 50",
            "99999999999999999999, Reset, 50"})
    void decidesWhereAClientStarts(String lastEventId, String kind, long after) {
        StreamResume.Start start = StreamResume.decide(lastEventId, 50, 55, 10);

        assertThat(start.getClass().getSimpleName()).isEqualTo(kind);
        assertThat(start.after()).isEqualTo(after);
        if (start instanceof StreamResume.Replay replay) {
            assertThat(replay.from()).isEqualTo(Long.parseLong(lastEventId));
        }
    }

    @ParameterizedTest
    @CsvSource({"abc, is not a stream cursor", "56, is ahead of the stream (latest 55)",
            "3, past the replay window"})
    void aResetSaysWhy(String lastEventId, String why) {
        var reset = (StreamResume.Reset) StreamResume.decide(lastEventId, 50, 55, 10);

        assertThat(reset.reason()).contains(why);
    }

    @ParameterizedTest
    @CsvSource({"0, Replay", "1, Reset"})
    void anEmptyLogReplaysFromTheStartUntilSomethingExpired(long purgedThrough, String kind) {
        assertThat(StreamResume.decide("0", 3, 3, purgedThrough).getClass().getSimpleName()).isEqualTo(kind);
    }

    @org.junit.jupiter.api.Test
    void aHostileIdIsShortenedAndMadePrintable() {
        var reset = (StreamResume.Reset) StreamResume.decide("x".repeat(500) + "\u0000", 1, 1, 0);

        assertThat(reset.reason()).hasSizeLessThan(120).doesNotContain("\u0000");
    }
}
