package org.borderwatch.classifier.signal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.model.TimePrecision;

/**
 * A claim remembered for the surge and retaliation detectors, also after its incident closed.
 *
 * @param segments      the segments the claim was placed in
 * @param occurrence    the latest verdict of its incident(s): CONFIRMED if any of them is
 * @param occurredUntil end of the claim's event-time interval (null in state written before it was kept: then
 *                      {@code occurredAt})
 * @param attribution   the latest attribution of its incident(s): CONTESTED if any of them is (null until assessed,
 *                      and in state written before it was kept)
 * @param kind          the kind of its source (null in state written before it was kept): a media outlet's claim is
 *                      a relay of someone else's and never counts in a surge of its own
 * @param timePrecision how precisely the claim stated its time (null in state written before it was kept: then read
 *                      as given). An answer that comes after the claim's incident closed and was evicted is matched
 *                      and described from this record alone, so it keeps what the answer's matching and sentences
 *                      read from the report: the precision ("time not stated; published …" rather than the day's
 *                      00:00), the partner's reference and link (an answer citing them), and where the claim said it
 *                      was (a denial naming its place answers the claims about that place; a claim left alone is
 *                      answered by the segments its text names)
 * @param sourceRef     the partner's own reference of the claim (null if none, or in older state)
 * @param url           the claim's link (null if none, or in older state)
 * @param location      where the claim's text placed it (null in older state)
 * @param cycleParty    whether the claim can take part in a retaliation cycle ({@link RetaliationDetector#takesPart}:
 *                      it accuses a side, or is a side's report of its own hostile action); null in state written
 *                      before it was kept, then read as true (as before)
 * @param hostileAct    whether the claim tells of hostile action ({@link RetaliationDetector#toldHostileAct}): only
 *                      such claims count in a claim surge, a side's own fortifying, exercises or losses, or a mine
 *                      naming no one, do not; null in state written before it was kept, then read as true (as before)
 */
public record ClaimRecord(UUID reportId, String sourceId, String sourceName, Party party, Party actingParty,
                          List<BorderSegment> segments, OffsetDateTime occurredAt, OffsetDateTime publishedAt,
                          Occurrence occurrence, OffsetDateTime occurredUntil, Attribution attribution,
                          SourceKind kind, TimePrecision timePrecision, String sourceRef, String url,
                          Location location, Boolean cycleParty, Boolean hostileAct) {
    public ClaimRecord {
        segments = segments == null ? List.of() : List.copyOf(segments);
        if (occurredUntil == null || occurredUntil.isBefore(occurredAt)) {
            occurredUntil = occurredAt;
        }
    }

    /** A claim as first remembered: UNVERIFIED, its attribution not yet assessed, placed in {@code segments}. */
    public static ClaimRecord of(IncidentReport r, String sourceName, List<BorderSegment> segments) {
        return new ClaimRecord(r.reportId(), r.source().id(), sourceName, r.source().party(), r.actingParty(),
                segments, r.occurredAt(), r.publishedAt(), Occurrence.UNVERIFIED, r.occurredUntil(), null,
                r.source().kind(), r.timePrecision(), r.sourceRef(), r.url(), r.location(),
                RetaliationDetector.takesPart(r), RetaliationDetector.toldHostileAct(r));
    }

    /** The same claim as its corrected report now tells it (time, acting side, place); segments and verdicts kept. */
    public ClaimRecord toldAs(IncidentReport fresh) {
        return new ClaimRecord(reportId, sourceId, sourceName, party, fresh.actingParty(), segments,
                fresh.occurredAt(), fresh.publishedAt(), occurrence, fresh.occurredUntil(), attribution, kind,
                fresh.timePrecision(), fresh.sourceRef(), fresh.url(), fresh.location(),
                RetaliationDetector.takesPart(fresh), RetaliationDetector.toldHostileAct(fresh));
    }

    public ClaimRecord(UUID reportId, String sourceId, String sourceName, Party party, Party actingParty,
                       List<BorderSegment> segments, OffsetDateTime occurredAt, OffsetDateTime publishedAt,
                       Occurrence occurrence, OffsetDateTime occurredUntil, Attribution attribution,
                       SourceKind kind, TimePrecision timePrecision, String sourceRef, String url,
                       Location location, Boolean cycleParty) {
        this(reportId, sourceId, sourceName, party, actingParty, segments, occurredAt, publishedAt, occurrence,
                occurredUntil, attribution, kind, timePrecision, sourceRef, url, location, cycleParty, null);
    }

    public ClaimRecord(UUID reportId, String sourceId, String sourceName, Party party, Party actingParty,
                       List<BorderSegment> segments, OffsetDateTime occurredAt, OffsetDateTime publishedAt,
                       Occurrence occurrence, OffsetDateTime occurredUntil, Attribution attribution,
                       SourceKind kind, TimePrecision timePrecision, String sourceRef, String url,
                       Location location) {
        this(reportId, sourceId, sourceName, party, actingParty, segments, occurredAt, publishedAt, occurrence,
                occurredUntil, attribution, kind, timePrecision, sourceRef, url, location, null);
    }

    /** Whether the claim can take part in a retaliation cycle (true in state written before that was kept). */
    public boolean inCycle() {
        return cycleParty == null || cycleParty;
    }

    /**
     * Whether the claim tells of hostile action and so counts in its source's claim surge (true in state written
     * before that was kept).
     */
    public boolean toldHostile() {
        return hostileAct == null || hostileAct;
    }

    public ClaimRecord(UUID reportId, String sourceId, String sourceName, Party party, Party actingParty,
                       List<BorderSegment> segments, OffsetDateTime occurredAt, OffsetDateTime publishedAt,
                       Occurrence occurrence, OffsetDateTime occurredUntil, Attribution attribution,
                       SourceKind kind) {
        this(reportId, sourceId, sourceName, party, actingParty, segments, occurredAt, publishedAt, occurrence,
                occurredUntil, attribution, kind, null, null, null, null);
    }

    public ClaimRecord(UUID reportId, String sourceId, String sourceName, Party party, Party actingParty,
                       List<BorderSegment> segments, OffsetDateTime occurredAt, OffsetDateTime publishedAt,
                       Occurrence occurrence, OffsetDateTime occurredUntil) {
        this(reportId, sourceId, sourceName, party, actingParty, segments, occurredAt, publishedAt, occurrence,
                occurredUntil, null, null);
    }

    public ClaimRecord(UUID reportId, String sourceId, String sourceName, Party party, Party actingParty,
                       List<BorderSegment> segments, OffsetDateTime occurredAt, OffsetDateTime publishedAt,
                       Occurrence occurrence, OffsetDateTime occurredUntil, Attribution attribution) {
        this(reportId, sourceId, sourceName, party, actingParty, segments, occurredAt, publishedAt, occurrence,
                occurredUntil, attribution, null);
    }

    /**
     * The side whose word the claim is: its source's party, except for a side's media naming its own side as acting —
     * news.am quoting Azerbaijan's Defence Ministry that "Armenian units fired" — which relays the other side's
     * accusation ({@link org.borderwatch.classifier.signal.RetaliationDetector#side}).
     */
    public Party speakingSide() {
        return relayed() && party != null && party.isBelligerent() && actingParty == party ? party.opponent() : party;
    }

    /**
     * An independent observer's or a third party's own report of an event (EUMA's patrol came under fire; the Russian
     * Defence Ministry's bulletin of a ceasefire violation): not a side's claim, so it makes no surge. An observer's
     * confirms ({@code VerdictRules.observersOwnReport}); a third party's corroborates (c23, {@code
     * VerdictRules.thirdPartysAccount}). False in state written before the kind was kept.
     */
    public boolean independentsOwn() {
        return kind == SourceKind.INDEPENDENT_OBSERVER || ((kind == SourceKind.OTHER || kind == SourceKind.NGO)
                && party != null && !party.isBelligerent() && party != Party.UNKNOWN);
    }

    /** A media outlet's claim relays someone else's (a ministry's accusation quoted by APA or Reuters). */
    public boolean relayed() {
        return kind == SourceKind.MEDIA;
    }

    public ClaimRecord withOccurrence(Occurrence newOccurrence) {
        return new ClaimRecord(reportId, sourceId, sourceName, party, actingParty, segments, occurredAt, publishedAt,
                newOccurrence, occurredUntil, attribution, kind, timePrecision, sourceRef, url, location, cycleParty,
                hostileAct);
    }

    public ClaimRecord withAttribution(Attribution newAttribution) {
        return new ClaimRecord(reportId, sourceId, sourceName, party, actingParty, segments, occurredAt, publishedAt,
                occurrence, occurredUntil, newAttribution, kind, timePrecision, sourceRef, url, location, cycleParty,
                hostileAct);
    }

    /**
     * A claim's verdict after a late answer to it (its incident closed before the answer came): an observer's
     * confirmation confirms it, an observer's refutation refutes it unless it was confirmed, the accused side's denial
     * disputes it if no one had answered it yet. Anything else leaves it as it was.
     */
    public static Occurrence answeredBy(Occurrence before, org.borderwatch.common.model.Stance stance) {
        Occurrence was = before == null ? Occurrence.UNVERIFIED : before;
        return switch (stance) {
            case CONFIRMATION -> Occurrence.CONFIRMED;
            case REFUTATION -> was == Occurrence.CONFIRMED ? was : Occurrence.REFUTED;
            case DENIAL -> was == Occurrence.UNVERIFIED ? Occurrence.DISPUTED : was;
            default -> was;
        };
    }

    public ClaimRecord withSegments(List<BorderSegment> newSegments) {
        return new ClaimRecord(reportId, sourceId, sourceName, party, actingParty, newSegments, occurredAt,
                publishedAt, occurrence, occurredUntil, attribution, kind, timePrecision, sourceRef, url, location,
                cycleParty, hostileAct);
    }

    /**
     * The same claimed event told again: the other claim is by the same source, about a segment this one is in, and
     * their event-time intervals overlap (a casualty update, a corrected figure, a fuller account).
     */
    public boolean sameEventAs(ClaimRecord other) {
        return sourceId.equals(other.sourceId) && segments.stream().anyMatch(other.segments::contains)
                && !occurredAt.isAfter(other.occurredUntil) && !occurredUntil.isBefore(other.occurredAt);
    }

    public String who() {
        return org.borderwatch.classifier.verdict.Sentences.named(sourceId, sourceName);
    }

    /**
     * "AZ MoD's claim about 2026-11-19 06:10 +04:00 near Sotk", or "… claim of 2026-11-19 11:30 +04:00 (time not
     * stated)" — as a sentence names the claim while its report is held ({@code Sentences.claimAbout}).
     */
    public String named() {
        return who() + "'s claim " + org.borderwatch.classifier.verdict.Sentences.about(this)
                + (location == null ? "" : org.borderwatch.classifier.verdict.Sentences.near(location));
    }
}
