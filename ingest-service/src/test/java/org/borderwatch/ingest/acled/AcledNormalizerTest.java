package org.borderwatch.ingest.acled;

import org.borderwatch.common.model.BorderSegment;
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
        String doc = "event_id_cnty,event_date,event_type,sub_event_type,actor1,admin1,location,notes,fatalities,"
                + "timestamp\n" + "ARM93" + Math.abs((admin1 + location + notes).hashCode()) + ",2024-11-21,Battles,"
                + "Armed clash," + actor1 + "," + admin1 + "," + location + ",\"" + notes + "\"," + fatalities
                + ",1732200000\n";
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
     * ACLED's fatalities name no side; the notes do when their words name the dead ("One Azerbaijani serviceman was
     * killed", "2 of its servicemen" after the ministry that counts them). No side is inferred from actor1: the dead
     * may be its own.
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
        assertThat(rowWithNotes("Military Forces of Azerbaijan (2003-)", "Syunik", "Tegh", 0,
                "Azerbaijani forces fired at Armenian positions near Tegh, wounding an Armenian soldier.")
                .casualties().party()).as("no deaths, no side of the dead").isNull();
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
     * A sub-event type naming a kind of act wins over the notes; "Attack", "Other" or a base established read the
     * notes with the statement rules and fall back when they name no act; a disrupted weapons use and non-violent
     * developments never read them (the act disrupted is the other side's).
     */
    @Test
    void theNotesNameTheActOnlyWhenTheSubEventTypeNamesNone() {
        assertThat(AcledNormalizer.eventType("Battles", "Armed clash", "Azerbaijani forces shelled Sotk."))
                .containsExactly(EventType.SMALL_ARMS_FIRE);
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
    }
}
