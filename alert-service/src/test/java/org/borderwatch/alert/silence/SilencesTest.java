package org.borderwatch.alert.silence;

import org.borderwatch.common.model.SignalType;
import org.borderwatch.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.borderwatch.common.model.BorderSegment.GEGHARKUNIK;
import static org.borderwatch.common.model.BorderSegment.TAVUSH;

class SilencesTest {

    private static final Instant NOW = Instant.parse("2025-03-17T09:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final Silences silences = new Silences(clock, Duration.ofDays(7));

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(new SilenceRequest(Set.of(TAVUSH), null, null, null, NOW.plusSeconds(3600), " "),
                        "reason is mandatory"),
                Arguments.of(new SilenceRequest(null, null, null, null, NOW.plusSeconds(3600), "drill"),
                        "at least one matcher"),
                Arguments.of(new SilenceRequest(Set.of(TAVUSH), null, null, null, NOW.plus(Duration.ofDays(8)),
                        "long"), "a silence may last at most 7 days (PT168H)"),
                Arguments.of(new SilenceRequest(null, null, Set.of("Ministry of Defence of Azerbaijan"), null,
                        NOW.plusSeconds(3600), "noise"), "sources: 'Ministry of Defence of Azerbaijan' is not a source"
                        + " id; a silence matches a source by its id (e.g. az-mod, euma"),
                Arguments.of(new SilenceRequest(null, null, Set.of("az-mod", "AZ MoD"), null,
                        NOW.plusSeconds(3600), "noise"), "'AZ MoD' is not a source id"),
                Arguments.of(new SilenceRequest(Set.of(TAVUSH), null, null, null, NOW.minusSeconds(1), "past"),
                        "endsAt must be after startsAt"),
                Arguments.of(new SilenceRequest(Set.of(TAVUSH), null, null, null, null, "open"),
                        "endsAt is required"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesSilencesAgainstTheRules(SilenceRequest request, String problem) {
        assertThatThrownBy(() -> silences.create(request, "admin1", true))
                .isInstanceOf(SilenceRejectedException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void sourceIdsAndPartiesAreAcceptedAndTheLongestSilenceIsSaidInWords() {
        Silence s = silences.create(new SilenceRequest(null, null, Set.of("az-mod", "euma", "report-az", "AM",
                "OC-Media"), null, NOW.plusSeconds(3600), "noise"), "staff1");
        assertThat(s.sources()).containsExactlyInAnyOrder("az-mod", "euma", "report-az", "am", "oc-media");
        assertThat(Silences.words(Duration.ofHours(12))).isEqualTo("12 hours");
        assertThat(Silences.words(Duration.ofDays(1))).isEqualTo("1 day");
        assertThat(Silences.words(Duration.ofMinutes(90))).isEqualTo("90 minutes");
    }

    @Test
    void aSilenceMutesMatchingAlertsOnlyWhileActive() {
        Silence s = silences.create(new SilenceRequest(Set.of(GEGHARKUNIK), Set.of(SignalType.CLAIM_SURGE),
                Set.of("AM"), NOW.plusSeconds(600), NOW.plus(Duration.ofHours(2)), "known drill"), "staff1");

        assertThat(s.author()).isEqualTo("staff1");
        assertThat(s.matches(GEGHARKUNIK, List.of(SignalType.CLAIM_SURGE), List.of("am"))).isTrue();
        assertThat(s.matches(TAVUSH, List.of(SignalType.CLAIM_SURGE), List.of("AM"))).isFalse();
        assertThat(s.matches(GEGHARKUNIK, List.of(SignalType.FATALITIES), List.of("AM"))).isFalse();
        assertThat(s.matches(GEGHARKUNIK, List.of(SignalType.CLAIM_SURGE), List.of("AZ"))).isFalse();

        assertThat(silences.mutedBy(List.of(s), x -> true)).as("not started yet").isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(silences.mutedBy(List.of(s), x -> true)).contains(s);
        clock.advance(Duration.ofHours(2));
        assertThat(silences.mutedBy(List.of(s), x -> true)).as("ended").isEmpty();
    }

    /** Security review F3: a STAFF account cannot blind the mission for a week, nor mute what is CRITICAL. */
    @Test
    void aStaffSilenceIsShortAndNeverMutesCriticalAnAdminsMayDoBoth() {
        Silences rules = new Silences(clock, Duration.ofDays(7), Duration.ofHours(12));
        SilenceRequest day = new SilenceRequest(Set.of(TAVUSH), null, null, null, NOW.plus(Duration.ofHours(13)),
                "drill");

        assertThatThrownBy(() -> rules.create(day, "staff1", false))
                .isInstanceOf(SilenceRejectedException.class)
                .hasMessageContaining("a STAFF member's silence may last at most 12 hours (PT12H); an ADMIN's up to "
                        + "7 days");
        Silence admins = rules.create(day, "admin", true);
        Silence staffs = rules.create(new SilenceRequest(Set.of(TAVUSH), null, null, null,
                NOW.plus(Duration.ofHours(12)), "drill"), "staff1", false);

        assertThat(admins.mutesCritical()).isTrue();
        assertThat(staffs.mutesCritical()).isFalse();
        for (org.borderwatch.common.model.Severity severity : org.borderwatch.common.model.Severity.values()) {
            boolean critical = severity == org.borderwatch.common.model.Severity.CRITICAL;
            assertThat(staffs.mutes(severity, TAVUSH, List.of(), List.of())).as("staff, %s", severity)
                    .isEqualTo(!critical);
            assertThat(admins.mutes(severity, TAVUSH, List.of(), List.of())).as("admin, %s", severity).isTrue();
            assertThat(admins.mutes(severity, GEGHARKUNIK, List.of(), List.of())).as("other segment").isFalse();
        }
        assertThatThrownBy(() -> rules.create(new SilenceRequest(Set.of(TAVUSH), null, null, null,
                NOW.plus(Duration.ofDays(8)), "long"), "admin", true))
                .hasMessageContaining("a silence may last at most 7 days (PT168H)");
        assertThatThrownBy(() -> new Silences(clock, Duration.ofHours(12), Duration.ofDays(1)))
                .hasMessageContaining("at most the longest silence");
    }

    @ParameterizedTest(name = "{0} (admin {1}) ending staff1's silence -> {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "staff1 | false | ",
            "admin1 | true  | ",
            "staff1 | true  | ",
            "staff2 | false | was created by staff1; only its author or an ADMIN may end it",
            "       | false | was created by staff1; only its author or an ADMIN may end it",
    })
    void onlyItsAuthorOrAnAdminMayEndASilence(String caller, boolean admin, String refusal) {
        Silence silence = silences.create(new SilenceRequest(Set.of(TAVUSH), null, null, null,
                NOW.plusSeconds(3600), "drill"), "staff1");
        var answer = silences.endRefusal(silence, caller, admin);
        if (refusal == null) {
            assertThat(answer).isEmpty();
        } else {
            assertThat(answer).hasValue("silence " + silence.id() + " " + refusal);
        }
    }
}
