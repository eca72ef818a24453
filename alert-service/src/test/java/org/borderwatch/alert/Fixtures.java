package org.borderwatch.alert;

import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.model.TimeWindow;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Test data written for these tests: a small incident on the border, one version at a time. */
public final class Fixtures {

    public static final OffsetDateTime EVENT_TIME = OffsetDateTime.of(2025, 3, 16, 10, 40, 0, 0, ZoneOffset.ofHours(4));

    private Fixtures() {
    }

    public static Assessment assessment(UUID incidentId, long version, BorderSegment segment, Severity severity,
                                        Occurrence occurrence, boolean closed, SignalType... signals) {
        return assessment(incidentId, version, segment, severity, occurrence, closed, EVENT_TIME, signals);
    }

    public static Assessment assessment(UUID incidentId, long version, BorderSegment segment, Severity severity,
                                        Occurrence occurrence, boolean closed, OffsetDateTime eventTime,
                                        SignalType... signals) {
        List<Signal> signalList = Arrays.stream(signals)
                .map(t -> new Signal(t, List.of(), "test signal " + t)).toList();
        return new Assessment(1, incidentId, version, segment,
                new TimeWindow(eventTime, eventTime.plusMinutes(30)), occurrence, Attribution.CONTESTED, 0.7,
                Party.AM, List.of(EventType.SMALL_ARMS_FIRE), null,
                List.of(new Casualties(0, 1, Party.AZ)), severity, signalList, closed,
                List.of("AZ MoD claimed small-arms fire at 10:40 near Sotk", "AM MoD denied"),
                eventTime.plusHours(2), List.of("am-mod", "az-mod"));
    }

    /** A statement behind a verdict, published {@code minutesAfterEvent} after {@link #EVENT_TIME}. */
    public static org.borderwatch.common.model.Evidence statement(String sourceId, String sourceName, Party party,
                                                                 org.borderwatch.common.model.Stance stance,
                                                                 int minutesAfterEvent, String url) {
        return new org.borderwatch.common.model.Evidence(UUID.nameUUIDFromBytes((sourceId + minutesAfterEvent)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), 1,
                new org.borderwatch.common.model.Source(sourceId, sourceName,
                        org.borderwatch.common.model.SourceKind.PARTY_OFFICIAL, party),
                stance, EVENT_TIME.plusMinutes(minutesAfterEvent), url);
    }

    /** The same version with these statements behind it. */
    public static Assessment withEvidence(Assessment a, org.borderwatch.common.model.Evidence... evidence) {
        return new Assessment(a.schemaVersion(), a.incidentId(), a.version(), a.segment(), a.window(),
                a.occurrence(), a.attribution(), a.confidence(), a.actingParty(), a.eventTypes(), a.reportIds(),
                a.casualties(), a.severity(), a.signals(), a.closed(), a.rationale(), a.asOf(), a.sources(),
                List.of(evidence));
    }

    /** The same version with these source ids behind it. */
    public static Assessment withSources(Assessment a, String... sources) {
        return new Assessment(a.schemaVersion(), a.incidentId(), a.version(), a.segment(), a.window(),
                a.occurrence(), a.attribution(), a.confidence(), a.actingParty(), a.eventTypes(), a.reportIds(),
                a.casualties(), a.severity(), a.signals(), a.closed(), a.rationale(), a.asOf(), List.of(sources),
                a.evidence());
    }

    /** The next version, closed, with this sentence added last to the rationale (as the classifier closes one). */
    public static Assessment closedWith(Assessment open, String lastSentence) {
        List<String> rationale = new java.util.ArrayList<>(open.rationale());
        rationale.add(lastSentence);
        return new Assessment(1, open.incidentId(), open.version() + 1, open.segment(), open.window(),
                open.occurrence(), open.attribution(), open.confidence(), open.actingParty(), open.eventTypes(),
                open.reportIds(), open.casualties(), open.severity(), open.signals(), true, rationale, open.asOf(),
                open.sources());
    }

    /** As {@link #closedWith(Assessment, String)}, with the classifier's machine-readable closure. */
    public static Assessment closedWith(Assessment open, String lastSentence,
                                        org.borderwatch.common.model.Closure closure) {
        return closedWith(open, lastSentence).withClosure(closure);
    }
}
