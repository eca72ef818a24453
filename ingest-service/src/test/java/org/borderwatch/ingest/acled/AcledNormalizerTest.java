package org.borderwatch.ingest.acled;

import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.model.TimePrecision;
import org.borderwatch.ingest.Fixtures;
import org.borderwatch.ingest.pipeline.IngestPipeline;
import org.borderwatch.ingest.pipeline.InputFormat;
import org.borderwatch.ingest.pipeline.RejectReason;
import org.borderwatch.ingest.pipeline.Rejection;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class AcledNormalizerTest {

    private final IngestPipeline pipeline = Fixtures.core(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"),
            ZoneOffset.UTC)).pipeline();
    private final String csv = Fixtures.resource("/fixtures/acled.csv");

    @Test
    void rowsBecomeDatasetClaimsWithPlacesFromTheGazetteer() {
        IngestPipeline.Result r = pipeline.processBatch(InputFormat.ACLED, csv.getBytes(StandardCharsets.UTF_8),
                "http", false);
        IncidentReport first = r.published().get(0);
        assertThat(first.sourceRef()).isEqualTo("ARM1001");
        assertThat(first.source().kind()).isEqualTo(SourceKind.DATASET);
        assertThat(first.stance()).isEqualTo(Stance.CLAIM);
        assertThat(first.actingParty()).isEqualTo(Party.AZ);
        assertThat(first.eventTypes()).containsExactly(EventType.SMALL_ARMS_FIRE);
        assertThat(first.location().segments()).containsExactly(BorderSegment.SYUNIK_EAST);
        assertThat(first.location().lat()).isEqualTo(39.1);
        assertThat(first.casualties().killed()).isEqualTo(4);
        assertThat(first.retaliation()).isFalse();
        assertThat(first.timePrecision()).isEqualTo(TimePrecision.DAY);
        assertThat(first.occurredAt()).isEqualTo(OffsetDateTime.parse("2024-02-13T00:00:00+04:00"));

        IncidentReport second = r.published().get(1);
        assertThat(second.eventTypes()).containsExactly(EventType.MORTAR_ARTILLERY);
        assertThat(second.location().segments()).containsExactly(BorderSegment.GEGHARKUNIK);
        assertThat(second.occurredAt().toLocalDate().toString()).isEqualTo("2022-09-07");
        assertThat(second.occurredUntil().toLocalDate().toString()).isEqualTo("2022-09-13");
        assertThat(second.retaliation()).isTrue();

        IncidentReport third = r.published().get(2);
        assertThat(third.location().segments()).containsExactly(BorderSegment.UNRESOLVED);

        Rejection bad = r.rejections().get(0);
        assertThat(bad.line()).isEqualTo(5); // the file line: the header is line 1
        assertThat(bad.reason()).isEqualTo(RejectReason.SCHEMA_VIOLATION);
        assertThat(bad.detail()).contains("event_date").contains("latitude");
    }

    @Test
    void aRowWithoutHeaderIsReadInTheStandardColumnOrder() {
        String row = "ARM2002,2024-04-01,2024,1,Political violence,Battles,Armed clash,"
                + "Military Forces of Armenia (2018-),,1,Military Forces of Azerbaijan (2003-),,1,11,,51,"
                + "Caucasus and Central Asia,Armenia,Tavush,Berd,,Chinari,40.9,45.3,1,Ministry,National,"
                + "\"Armenian forces fired, reportedly\",0,,1711965600";
        IncidentReport r = pipeline.processRecord(InputFormat.ACLED, row.getBytes(StandardCharsets.UTF_8), "t")
                .published().get(0);
        assertThat(r.actingParty()).isEqualTo(Party.AM);
        assertThat(r.location().segments()).containsExactly(BorderSegment.TAVUSH);
        assertThat(r.location().settlement()).isEqualTo("Chinari");
        assertThat(r.publishedAt().toInstant()).isEqualTo(Instant.ofEpochSecond(1711965600));
        assertThat(r.text()).isEqualTo("Armenian forces fired, reportedly");
    }

    @Test
    void aRowWithTooManyColumnsIsMalformed() {
        String doc = "event_id_cnty,event_date,event_type\nX1,2024-01-01,Battles,extra,columns\n";
        Rejection r = pipeline.processBatch(InputFormat.ACLED, doc.getBytes(StandardCharsets.UTF_8), "t", false)
                .rejections().get(0);
        assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED);
    }

    /** A row with notes and fatalities, the place only from its admin1 and location columns. */
    private IncidentReport rowWithNotes(String actor1, String admin1, String location, int fatalities, String notes) {
        return acledRow("Battles", "Armed clash", actor1, admin1, location, fatalities, notes);
    }

    /** A row of the given event and sub-event type, its place only from its admin1 and location columns. */
    private IncidentReport acledRow(String eventType, String subEventType, String actor1, String admin1,
                                    String location, int fatalities, String notes) {
        String doc = "event_id_cnty,event_date,event_type,sub_event_type,actor1,admin1,location,notes,fatalities,"
                + "timestamp\n" + "ARM93" + Math.abs((admin1 + location + notes).hashCode()) + ",2024-11-21,"
                + eventType + "," + subEventType + "," + actor1 + "," + admin1 + "," + location + ",\"" + notes
                + "\"," + fatalities + ",1732200000\n";
        IngestPipeline.Result r = pipeline.processBatch(InputFormat.ACLED, doc.getBytes(StandardCharsets.UTF_8), "t",
                true);
        assertThat(r.rejections()).isEmpty();
        return r.published().get(0);
    }

    /**
     * A row its columns place only ambiguously (a province on both sides of a split, "Nakhchivan") is placed by the
     * places its notes name, when they are precise and among the candidates; a place outside the candidates, or a
     * row the columns do not place at all, keeps the columns' answer.
     */
    @Test
    void theNotesNarrowAnAmbiguousProvinceButNeverMoveARowOutOfIt() {
        IncidentReport front = rowWithNotes("Military Forces of Azerbaijan (2003-)", "Syunik", "Syunik", 0,
                "Azerbaijani forces shelled positions around Goris, Kapan and Meghri.");
        assertThat(front.location().segments()).containsExactlyInAnyOrder(BorderSegment.SYUNIK_EAST,
                BorderSegment.SYUNIK_WEST);
        assertThat(front.location().ambiguous()).as("both named: a front, not one of them").isFalse();

        IncidentReport east = rowWithNotes("Military Forces of Azerbaijan (2003-)", "Syunik", "Nowhereville", 0,
                "Azerbaijani forces fired at Armenian positions near Tegh.");
        assertThat(east.location().segments()).containsExactly(BorderSegment.SYUNIK_EAST);
        assertThat(east.location().ambiguous()).isFalse();
        assertThat(east.location().settlement()).as("the notes' village is no located row").isNull();

        IncidentReport nakhchivan = rowWithNotes("Military Forces of Armenia (2018-)", "Nakhchivan", "Nowhereville",
                0, "Armenian forces fired from the Yeghegnadzor direction at army positions in Nakhchivan.");
        assertThat(nakhchivan.location().segments()).containsExactly(BorderSegment.VAYOTS_DZOR_WEST);

        IncidentReport elsewhere = rowWithNotes("Military Forces of Azerbaijan (2003-)", "Syunik", "Nowhereville", 0,
                "The shelling followed an incident near Sotk the week before.");
        assertThat(elsewhere.location().segments()).as("Sotk is no Syunik segment")
                .containsExactlyInAnyOrder(BorderSegment.SYUNIK_EAST, BorderSegment.SYUNIK_WEST);
        assertThat(elsewhere.location().ambiguous()).isTrue();

        IncidentReport unplaced = rowWithNotes("Protesters (Armenia)", "Yerevan", "Yerevan", 0,
                "Protesters rallied in Yerevan against the delimitation of the border in Tavush.");
        assertThat(unplaced.location().segments()).as("a topic is no place").containsExactly(BorderSegment.UNRESOLVED);
    }

    /**
     * ACLED's fatalities name no side; the notes do when their words name the dead or wounded ("One Azerbaijani
     * serviceman was killed", "2 of its servicemen" after the ministry that counts them, "wounding an Armenian
     * soldier"). No side is inferred from actor1: the dead may be its own.
     */
    @Test
    void theSideOfTheDeadComesOnlyFromTheNotesWords() {
        assertThat(rowWithNotes("Military Forces of Armenia (2018-)", "Kalbajar", "Kalbajar", 1,
                "Armenian forces fired at positions near Kalbajar. One Azerbaijani serviceman was killed.")
                .casualties().party()).isEqualTo(Party.AZ);
        IncidentReport own = rowWithNotes("Military Forces of Azerbaijan (2003-)", "Syunik", "Tegh", 2,
                "Azerbaijani forces attacked Armenian positions near Tegh. The Azerbaijani MoD said 2 of its "
                        + "servicemen were killed in the fighting.");
        assertThat(own.casualties().killed()).isEqualTo(2);
        assertThat(own.casualties().party()).as("the attacker's own dead").isEqualTo(Party.AZ);
        IncidentReport unsaid = rowWithNotes("Military Forces of Azerbaijan (2003-)", "Syunik", "Tegh", 3,
                "Azerbaijani forces attacked Armenian positions near Tegh. Three people died in the fighting.");
        assertThat(unsaid.casualties().killed()).isEqualTo(3);
        assertThat(unsaid.casualties().party()).as("not the opponent of actor1 by default").isNull();
        IncidentReport wounded = rowWithNotes("Military Forces of Azerbaijan (2003-)", "Syunik", "Tegh", 0,
                "Azerbaijani forces fired at Armenian positions near Tegh, wounding an Armenian soldier.");
        assertThat(wounded.casualties().wounded()).isEqualTo(1);
        assertThat(wounded.casualties().party()).as("no deaths, but the wounded's side").isEqualTo(Party.AM);
        IncidentReport none = rowWithNotes("Military Forces of Azerbaijan (2003-)", "Syunik", "Tegh", 0,
                "Azerbaijani forces fired at Armenian positions near Tegh. No casualties.");
        assertThat(none.casualties().killedOrZero() + none.casualties().woundedOrZero()).isZero();
        assertThat(none.casualties().party()).as("no losses, no side").isNull();
    }

    /**
     * ACLED's fatalities column counts deaths only: the wounded come from the notes, counted as the statement rules
     * count them — a participle's count follows it ("killing 4 … and wounding 1"), the column stays the killed.
     */
    @Test
    void theWoundedComeFromTheNotesTheKilledFromTheColumn() {
        Casualties both = AcledNormalizer.casualties(4, "On 13 February 2024, Azerbaijani forces fired at Armenian "
                + "positions near Nerkin Hand, killing 4 Armenian servicemen and wounding 1. Fatalities: 4.", null);
        assertThat(both).isEqualTo(new Casualties(4, 1, Party.AM));
        assertThat(AcledNormalizer.casualties(1, "Azerbaijani forces fired at positions near Movses, killing one "
                + "Armenian serviceman and wounding three others. Fatalities: 1.", null))
                .isEqualTo(new Casualties(1, 3, Party.AM));
        assertThat(AcledNormalizer.casualties(0, "A drone struck a vehicle near Karchevan. Two Armenian servicemen "
                + "were wounded. Fatalities: 0.", null)).isEqualTo(new Casualties(0, 2, Party.AM));
        assertThat(AcledNormalizer.casualties(2, "Armenian forces fired at posts in Kalbajar district. Four "
                + "servicemen were killed.", null).killed()).as("the column's deaths, not the notes'").isEqualTo(2);
        assertThat(AcledNormalizer.casualties(null, "Armenian forces fired at posts near Zamanli.", null))
                .as("no column, no wounded: no losses told").isNull();
    }

    /**
     * Losses of a third country's people are that country's ("killing 5 Russian peacekeepers"), neither side's; a
     * third country that only reports the losses names no side.
     */
    @Test
    void aThirdCountrysPeopleAreItsOwnLosses() {
        assertThat(AcledNormalizer.casualties(5, "Azerbaijani forces fired at a vehicle of the Russian peacekeeping "
                + "contingent near Janyatag, killing 5 Russian peacekeepers including its deputy commander.", null)
                .party()).isEqualTo(Party.RU);
        assertThat(AcledNormalizer.casualties(1, "Two Turkish nationals were injured by a mine near Fuzuli.", null)
                .party()).isEqualTo(Party.TR);
        assertThat(AcledNormalizer.casualties(2, "Armenian and Azerbaijani forces clashed near Sotk, killing 2 "
                + "soldiers, according to the Russian MoD.", null).party()).as("the Russian MoD only reports")
                .isNull();
    }

    /**
     * Civilians ACLED codes as the row's victims ("Civilians (Armenia)" in actor2) are their country's losses when
     * the notes name no side ("wounding a 62-year-old woman in Khnatsakh"); a state force as actor2 names none (the
     * dead of a clash may be either side's), and the notes' own words come first.
     */
    @Test
    void civiliansCodedAsTheVictimsAreTheirCountrysLosses() {
        assertThat(AcledNormalizer.casualties(0, "Azerbaijani forces fired at houses in Khnatsakh, wounding a "
                + "62-year-old woman.", "Civilians (Armenia)")).isEqualTo(new Casualties(0, 1, Party.AM));
        assertThat(AcledNormalizer.casualties(3, "A truck hit an anti-tank mine near Susuzlug. Two journalists and "
                + "an official were killed and four people were wounded.", "Civilians (Azerbaijan)"))
                .isEqualTo(new Casualties(3, 4, Party.AZ));
        assertThat(AcledNormalizer.casualties(3, "Armenian and Azerbaijani forces clashed near Sotk. Three people "
                + "died.", "Military Forces of Armenia (2018-)").party()).as("a state force: either side's dead")
                .isNull();
        assertThat(AcledNormalizer.casualties(0, "Armenian forces fired at a car near Aghdam, wounding one "
                + "Azerbaijani civilian.", "Civilians (Armenia)").party()).as("the notes' own words first")
                .isEqualTo(Party.AZ);
        assertThat(AcledNormalizer.civiliansOf("Protesters (Armenia)")).isNull();
    }

    /**
     * The act's own sentence — the notes' first — naming places on several fronts places the row on each ("near
     * Yeraskh and, in the evening, at positions near Kut"), not ambiguous; places only later sentences name (the
     * other side's counter-claim), an act sentence that does not hold the row's own place, a protest's demands and
     * the Lachin road or Karabakh named beside the row's place change nothing.
     */
    @Test
    void theActSentenceNamingSeveralFrontsPlacesTheRowOnEach() {
        IncidentReport twoFronts = rowWithNotes("Military Forces of Azerbaijan (2003-)", "Ararat", "Yeraskh", 0,
                "On 19 May 2022, Azerbaijani forces fired at positions near Yeraskh (Ararat) and, in the evening, at "
                        + "positions near Kut (Gegharkunik), according to the Armenian MoD. No casualties.");
        assertThat(twoFronts.location().segments()).containsExactlyInAnyOrder(BorderSegment.ARARAT,
                BorderSegment.GEGHARKUNIK);
        assertThat(twoFronts.location().ambiguous()).isFalse();
        assertThat(twoFronts.location().settlement()).as("still the row's own village").isEqualTo("Yeraskh");

        IncidentReport districts = rowWithNotes("Military Forces of Armenia (2018-)", "Kalbajar", "Kalbajar", 0,
                "Armenian forces fired from the Basarkechar and Gorus districts at positions in Kalbajar and Lachin "
                        + "districts, according to the Azerbaijani MoD.");
        assertThat(districts.location().segments()).containsExactlyInAnyOrder(BorderSegment.GEGHARKUNIK,
                BorderSegment.SYUNIK_EAST);

        IncidentReport counterClaim = rowWithNotes("Military Forces of Azerbaijan (2003-)", "Tavush", "Movses", 0,
                "Azerbaijani forces fired at positions near Movses. The Azerbaijani MoD said Armenian units had fired "
                        + "first from positions near Sotk.");
        assertThat(counterClaim.location().segments()).containsExactly(BorderSegment.TAVUSH);

        IncidentReport elsewhere = rowWithNotes("Military Forces of Azerbaijan (2003-)", "Tavush", "Movses", 0,
                "Azerbaijani forces fired at positions near Sotk.");
        assertThat(elsewhere.location().segments()).as("not the row's place: no front of it")
                .containsExactly(BorderSegment.TAVUSH);

        IncidentReport protest = acledRow("Protests", "Peaceful protest", "Protesters (Armenia)", "Syunik",
                "Kornidzor", 0, "About 300 people gathered in Kornidzor, where an aid convoy waited at the entrance "
                        + "of the Lachin corridor, to demand that the aid pass the Hakari bridge checkpoint.");
        assertThat(protest.location().segments()).as("a protest's demands are no place of it")
                .containsExactly(BorderSegment.SYUNIK_EAST);

        IncidentReport corridor = acledRow("Strategic developments", "Arrests",
                "Military Forces of Azerbaijan (2003-)", "Lachin", "Hakari Bridge", 0, "Azerbaijani border guards "
                        + "detained a Karabakh Armenian man at the Lachin checkpoint near Hakari bridge (Lachin).");
        assertThat(corridor.location().segments()).as("one place named three ways")
                .containsExactly(BorderSegment.LACHIN_CORRIDOR);
    }

    /**
     * The sub-event type's act comes first; the other acts the notes' act sentence names follow ("with attack drones
     * and artillery" under "Air/drone strike"; "entered the Russian peacekeepers' area of responsibility … and struck
     * … with drones" is an incursion too). A later sentence (a counter-claim, what was said of the mine) adds
     * none, nor does a disrupted weapons use read its notes at all.
     */
    @Test
    void theActSentencesOtherActsFollowTheSubEventsAct() {
        assertThat(AcledNormalizer.eventType("Explosions/Remote violence", "Air/drone strike",
                "On 14 September 2022, Azerbaijani forces attacked Armenian positions near Jermuk with attack drones "
                        + "and artillery, according to the Armenian MoD."))
                .containsExactly(EventType.DRONE_STRIKE, EventType.MORTAR_ARTILLERY);
        assertThat(AcledNormalizer.eventType("Explosions/Remote violence", "Air/drone strike",
                "Azerbaijani forces entered the Russian peacekeepers' area of responsibility near Farukh and struck "
                        + "Karabakh Armenian positions with drones."))
                .containsExactly(EventType.DRONE_STRIKE, EventType.INCURSION);
        assertThat(AcledNormalizer.eventType("Explosions/Remote violence", "Air/drone strike",
                "Azerbaijani drones struck positions near the village inside the peacekeepers' area of "
                        + "responsibility.")).as("a strike inside the zone, no entering").containsExactly(
                EventType.DRONE_STRIKE);
        assertThat(AcledNormalizer.eventType("Battles", "Armed clash", "Azerbaijani forces fired at positions near "
                + "Movses. The Azerbaijani MoD said Armenian units had first fired mortars at Tovuz."))
                .as("the counter-claim's weapon is no act of the row").containsExactly(EventType.SMALL_ARMS_FIRE);
        assertThat(AcledNormalizer.eventType("Explosions/Remote violence", "Remote explosive/landmine/IED",
                "A serviceman was killed when a landmine exploded near Khanlig during clearance work. The MoD claimed "
                        + "the mine had been recently laid by Armenian formations."))
                .containsExactly(EventType.MINE_EXPLOSION);
        assertThat(AcledNormalizer.eventType("Strategic developments", "Disrupted weapons use",
                "Armenian forces downed an Azerbaijani drone and returned fire with artillery near Berd."))
                .containsExactly(EventType.OTHER);
    }

    private IncidentReport row(String admin1, String location) {
        return rowWithNotes("Military Forces of Armenia (1991-)", admin1, location, 0, "");
    }

    /**
     * A place the gazetteer does not know is placed by its province only: the partner's name stays in the text, but
     * no settlement is claimed (a reader would take it as located). A province spanning several segments is
     * ambiguous, a one-segment province is not.
     */
    @Test
    void anUnknownPlaceKeepsItsNameInTheTextButNamesNoSettlement() {
        IncidentReport tavush = row("Tavush", "Nowhereville");
        assertThat(tavush.location().segments()).containsExactly(BorderSegment.TAVUSH);
        assertThat(tavush.location().ambiguous()).isFalse();
        assertThat(tavush.location().settlement()).isNull();
        assertThat(tavush.location().text()).isEqualTo("Nowhereville, Tavush");

        IncidentReport syunik = row("Syunik", "Nowhereville");
        assertThat(syunik.location().segments()).containsExactlyInAnyOrder(BorderSegment.SYUNIK_EAST,
                BorderSegment.SYUNIK_WEST);
        assertThat(syunik.location().ambiguous()).isTrue();
        assertThat(syunik.location().settlement()).isNull();
    }

    /** As for a statement, the settlement is the gazetteer's town or village (its name), the text the partner's. */
    @Test
    void aKnownVillageIsTheSettlementByItsGazetteerName() {
        IncidentReport digh = row("Syunik", "Digh");
        assertThat(digh.location().segments()).containsExactly(BorderSegment.SYUNIK_EAST);
        assertThat(digh.location().settlement()).isEqualTo("Tegh");
        assertThat(digh.location().text()).isEqualTo("Digh, Syunik");

        IncidentReport province = row("Syunik", "Syunik");
        assertThat(province.location().settlement()).as("a province is no settlement").isNull();
        assertThat(province.location().text()).isEqualTo("Syunik");
    }

    /**
     * A sub-event type naming a kind of act comes first, before any act of the notes; "Attack", "Other" or a base
     * established read the notes with the statement rules and fall back when they name no act; a disrupted weapons
     * use and non-violent developments never read them (the act disrupted is the other side's).
     */
    @Test
    void theNotesNameTheActOnlyWhenTheSubEventTypeNamesNone() {
        assertThat(AcledNormalizer.eventType("Battles", "Armed clash", "Azerbaijani forces fired at Sotk."))
                .containsExactly(EventType.SMALL_ARMS_FIRE);
        assertThat(AcledNormalizer.eventType("Battles", "Armed clash", "Azerbaijani forces shelled Sotk."))
                .as("the sub-event's act first").startsWith(EventType.SMALL_ARMS_FIRE);
        assertThat(AcledNormalizer.eventType("Violence against civilians", "Attack",
                "Armenian forces fired at a shepherd near Kokhanabi.")).containsExactly(EventType.SMALL_ARMS_FIRE);
        assertThat(AcledNormalizer.eventType("Violence against civilians", "Attack", "A farmer was hurt near Kut."))
                .containsExactly(EventType.OTHER);
        assertThat(AcledNormalizer.eventType("Strategic developments", "Headquarters or base established",
                "A new base was opened near Sotk.")).containsExactly(EventType.BUILDUP);
        assertThat(AcledNormalizer.eventType("Strategic developments", "Headquarters or base established", null))
                .containsExactly(EventType.BUILDUP);
        assertThat(AcledNormalizer.eventType("Strategic developments", "Disrupted weapons use",
                "Armenian forces downed an Azerbaijani drone that had crossed the border near Berd."))
                .containsExactly(EventType.OTHER);
        // ACLED files a downed drone under "Explosions/Remote violence" too: no shelling by the side that downed it
        assertThat(AcledNormalizer.eventType("Explosions/Remote violence", "Disrupted weapons use",
                "Armenian air defence units shot down an Azerbaijani quadcopter over positions near Kut."))
                .as("batch 78, ARM7809").containsExactly(EventType.OTHER);
        assertThat(AcledNormalizer.eventType("Protests", "Peaceful protest",
                "Residents protested against the border fence, saying soldiers fired at their fields last year."))
                .containsExactly(EventType.OTHER);
    }

    /** A state actor names its side; a non-state actor's parenthesised country is where it is active, no side. */
    @Test
    void onlyAStateActorNamesASide() {
        assertThat(AcledNormalizer.party("Military Forces of Azerbaijan (2003-) State Border Service")).isEqualTo(Party.AZ);
        assertThat(AcledNormalizer.party("Government of Armenia (2018-)")).isEqualTo(Party.AM);
        assertThat(AcledNormalizer.party("Protesters (Armenia)")).isNull();
        assertThat(AcledNormalizer.party("Unidentified Armed Group (Azerbaijan)")).isNull();
        assertThat(AcledNormalizer.party("Police Forces of Armenia (2018-) National Security Service Border Guard"))
                .isEqualTo(Party.AM);
        assertThat(AcledNormalizer.party("EUMA: European Union Mission in Armenia")).as("batch 70, ARM7010").isNull();
        assertThat(AcledNormalizer.party("Military Forces of Russia (2000-) Peacekeeping Forces")).isNull();
    }
}
