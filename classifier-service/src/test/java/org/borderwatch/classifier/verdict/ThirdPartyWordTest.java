package org.borderwatch.classifier.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.TestReports.AM_MOD;
import static org.borderwatch.classifier.TestReports.AZ_MOD;
import static org.borderwatch.classifier.TestReports.EUMA;
import static org.borderwatch.classifier.TestReports.RU_MOD;
import static org.borderwatch.classifier.TestReports.TASS;
import static org.borderwatch.classifier.TestReports.base;
import static org.borderwatch.classifier.TestReports.claim;
import static org.borderwatch.classifier.TestReports.denial;
import static org.borderwatch.classifier.TestReports.observer;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;

import java.util.List;
import java.util.stream.Stream;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Source;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.model.Stance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * c23, an audit's finding C5: who confirms and who refutes. The contract confirms by "an independent observer or a
 * third party" that confirms, and refutes by "an observer … says it saw nothing". A third state's or body's own account
 * of the event (a foreign ministry that "condemns the mortar fire by Azerbaijani forces", "expresses concern over
 * Azerbaijan's firing on Armenian positions": stance CLAIM) confirmed it as if it were an observer's; a news outlet's
 * "confirmation" (TASS, party RU) did too; a third state's or outlet's "nothing happened" refuted. Now they corroborate
 * (a claim of the incident, with a sentence) or are named as deciding nothing; an observer's word and a third party's
 * explicit confirmation decide as before.
 */
class ThirdPartyWordTest {

    static final Source FR_MFA = new Source("fr-mfa", "France MFA", SourceKind.OTHER, Party.FR);
    static final Source US_STATE = new Source("us-state", "US State Department", SourceKind.OTHER, Party.US);
    static final Source RU_MOD_OFFICIAL = new Source("ru-mod-official", "RU MoD", SourceKind.PARTY_OFFICIAL,
            Party.RU);

    static final IncidentReport AM_CLAIM = claim(AM_MOD, "c1", Party.AZ, "2025-03-16T09:35", "2025-03-16T10:20",
            SYUNIK_EAST).build();
    static final IncidentReport AZ_DENIAL = denial(AZ_MOD, "d1", "2025-03-16T12:15", Party.AM, "2025-03-16",
            "2025-03-16", SYUNIK_EAST).build();
    /** "France expresses concern over Azerbaijan's firing on Armenian positions near Tegh this morning." */
    static final IncidentReport FR_CONCERN = claim(FR_MFA, "fr", Party.AZ, "2025-03-16T09:35", "2025-03-16T16:00",
            SYUNIK_EAST).build();
    static final IncidentReport RU_OWN_ACCOUNT = claim(RU_MOD, "ru", Party.AZ, "2025-03-16T09:30",
            "2025-03-16T13:00", SYUNIK_EAST).build();
    static final IncidentReport TASS_CONFIRMS = observer(TASS, "tass-c", Stance.CONFIRMATION, "2025-03-16T14:00",
            "2025-03-16", "2025-03-16", SYUNIK_EAST).actingParty(Party.AZ).build();
    static final IncidentReport TASS_SAW_NOTHING = observer(TASS, "tass-r", Stance.REFUTATION, "2025-03-17T10:00",
            "2025-03-16", "2025-03-16", SYUNIK_EAST).build();
    static final IncidentReport US_SAW_NOTHING = observer(US_STATE, "us-r", Stance.REFUTATION, "2025-03-17T10:00",
            "2025-03-16", "2025-03-16", SYUNIK_EAST).build();
    static final IncidentReport RU_CONFIRMS = observer(RU_MOD_OFFICIAL, "ru-c", Stance.CONFIRMATION,
            "2025-03-16T15:00", "2025-03-16", "2025-03-16", SYUNIK_EAST).actingParty(Party.AZ).build();
    static final IncidentReport EUMA_CONFIRMS = observer(EUMA, "euma-c", Stance.CONFIRMATION, "2025-03-17T09:00",
            "2025-03-16", "2025-03-16", SYUNIK_EAST).build();
    static final IncidentReport EUMA_SAW_NOTHING = observer(EUMA, "euma-r", Stance.REFUTATION, "2025-03-17T18:30",
            "2025-03-16", "2025-03-17", SYUNIK_EAST).build();
    /** "Azerbaijani forces fired on our positions near Tegh", Armenia's claim that France's account accuses AM of. */
    static final IncidentReport AZ_CLAIM = claim(AZ_MOD, "c2", Party.AM, "2025-03-16T09:35", "2025-03-16T10:20",
            SYUNIK_EAST).build();
    static final IncidentReport FR_ACCOUNT_AGAINST_AM = claim(FR_MFA, "fr2", Party.AM, "2025-03-16T09:35",
            "2025-03-16T16:00", SYUNIK_EAST).build();

    static final String CORROBORATES = "(statement of 2025-03-16 16:00 +04:00) is a third party, no independent "
            + "observer: its account corroborates, it does not confirm.";

    /** Statements; occurrence; attribution; a sentence the rationale holds (null: none asked). */
    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("a third country's concern over the firing beside the claim and the denial",
                        List.of(AM_CLAIM, AZ_DENIAL, FR_CONCERN), Occurrence.DISPUTED, Attribution.CONTESTED,
                        "France MFA " + CORROBORATES),
                Arguments.of("... beside the claim alone", List.of(AM_CLAIM, FR_CONCERN), Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, "France MFA " + CORROBORATES),
                Arguments.of("... alone", List.of(FR_CONCERN), Occurrence.UNVERIFIED, Attribution.UNCONTESTED,
                        "France MFA " + CORROBORATES),
                Arguments.of("the Russian Defence Ministry's own account beside the claim and the denial",
                        List.of(AM_CLAIM, AZ_DENIAL, RU_OWN_ACCOUNT), Occurrence.DISPUTED, Attribution.CONTESTED,
                        "RU MoD (statement of 2025-03-16 13:00 +04:00) is a third party, no independent observer: "
                                + "its account corroborates, it does not confirm."),
                Arguments.of("a news outlet's \"confirmation\" (TASS, party RU) confirms nothing",
                        List.of(AM_CLAIM, AZ_DENIAL, TASS_CONFIRMS), Occurrence.DISPUTED, Attribution.CONTESTED,
                        "TASS (statement of 2025-03-16 14:00 +04:00) is a news outlet: it relays what others say, "
                                + "never an independent confirmation."),
                Arguments.of("a news outlet's \"nothing happened\" refutes nothing", List.of(AM_CLAIM,
                                TASS_SAW_NOTHING), Occurrence.UNVERIFIED, Attribution.UNCONTESTED,
                        "TASS (statement of 2025-03-17 10:00 +04:00) is a news outlet: it relays what others say, "
                                + "never an independent refutation."),
                Arguments.of("a third state's \"nothing happened\" refutes nothing", List.of(AM_CLAIM, AZ_DENIAL,
                                US_SAW_NOTHING), Occurrence.DISPUTED, Attribution.CONTESTED,
                        "US State Department (statement of 2025-03-17 10:00 +04:00) says nothing happened, but it "
                                + "is no observer: only an independent observer's word refutes."),
                Arguments.of("a third party's explicit confirmation still confirms (the contract's letter)",
                        List.of(AM_CLAIM, AZ_DENIAL, RU_CONFIRMS), Occurrence.CONFIRMED, Attribution.CONTESTED,
                        "Occurrence CONFIRMED: RU MoD (statement of 2025-03-16 15:00 +04:00) confirmed it."),
                Arguments.of("an observer's confirmation confirms beside the third country's account",
                        List.of(AM_CLAIM, AZ_DENIAL, FR_CONCERN, EUMA_CONFIRMS), Occurrence.CONFIRMED,
                        Attribution.CONTESTED, "Occurrence CONFIRMED: EUMA (statement of 2025-03-17 09:00 +04:00) "
                                + "confirmed it."),
                Arguments.of("an observer that saw nothing refutes the claim and the third country's account",
                        List.of(AZ_CLAIM, FR_ACCOUNT_AGAINST_AM, EUMA_SAW_NOTHING), Occurrence.REFUTED,
                        Attribution.UNCONTESTED, "France MFA " + CORROBORATES),
                Arguments.of("an observer's own report still confirms", List.of(AZ_CLAIM, claim(EUMA, "own",
                                Party.AM, "2025-03-16T09:30", "2025-03-16T12:00", SYUNIK_EAST).build()),
                        Occurrence.CONFIRMED, Attribution.UNCONTESTED,
                        "Occurrence CONFIRMED: EUMA (statement of 2025-03-16 12:00 +04:00) confirmed it."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void onlyAnObserverOrAThirdPartysConfirmationConfirmsAndOnlyAnObserverRefutes(String name,
            List<IncidentReport> statements, Occurrence occurrence, Attribution attribution, String sentence) {
        Verdict v = VerdictRules.decide(SYUNIK_EAST, statements, s -> 0.5);
        assertThat(v.occurrence()).isEqualTo(occurrence);
        assertThat(v.attribution()).isEqualTo(attribution);
        assertThat(v.reasons()).contains(sentence);
        assertThat(v.reasons()).anyMatch(r -> r.startsWith("Occurrence " + occurrence));
    }

    /** Who confirms, who refutes, and whose claim is a third party's account, by source kind and party. */
    static Stream<Arguments> sources() {
        return Stream.of(
                Arguments.of(EUMA, true, true),
                Arguments.of(new Source("icrc", "ICRC", SourceKind.NGO, Party.INTL), true, false),
                Arguments.of(FR_MFA, true, false),
                Arguments.of(RU_MOD_OFFICIAL, true, false),
                Arguments.of(TASS, false, false),
                Arguments.of(new Source("reuters", "Reuters", SourceKind.MEDIA, Party.UNKNOWN), false, false),
                Arguments.of(new Source("acled", "ACLED", SourceKind.DATASET, Party.INTL), false, false),
                Arguments.of(new Source("unregistered/x", "X", SourceKind.OTHER, Party.UNKNOWN), false, false),
                Arguments.of(AM_MOD, false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void whoseWordDecides(Source source, boolean confirms, boolean refutes) {
        assertThat(VerdictRules.isIndependent(source)).as("confirms").isEqualTo(confirms);
        assertThat(VerdictRules.canRefute(source)).as("refutes").isEqualTo(refutes);
        IncidentReport account = claim(source, "x", Party.AZ, "2025-03-16T09:35", "2025-03-16T16:00", SYUNIK_EAST)
                .build();
        assertThat(VerdictRules.thirdPartysAccount(account)).as("a third party's account")
                .isEqualTo(confirms && source.kind() != SourceKind.INDEPENDENT_OBSERVER);
        assertThat(VerdictRules.decidesAsIndependent(account)).as("its own report confirms")
                .isEqualTo(source.kind() == SourceKind.INDEPENDENT_OBSERVER);
        assertThat(VerdictRules.decidesAsIndependent(base(source, "y", Stance.REFUTATION, "2025-03-17T10:00")
                .build())).as("its refutation refutes").isEqualTo(refutes);
        assertThat(VerdictRules.decidesAsIndependent(base(source, "z", Stance.CONFIRMATION, "2025-03-17T10:00")
                .build())).as("its confirmation confirms").isEqualTo(confirms);
    }
}
