package org.borderwatch.ingest.pipeline;

import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.model.Stance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Decides whether a report is new, a correction or a duplicate, by report id and a fingerprint of its content.
 * <ul>
 *   <li>unknown id → {@link Disposition#NEW}, revision 1 (or the partner's own higher revision);</li>
 *   <li>same id, same content as the latest version, published within the window → {@link Disposition#DUPLICATE},
 *       dropped; after the window it is published again with the same revision ({@link Disposition#REPEAT});</li>
 *   <li>same id, content of an older version → {@link Disposition#DUPLICATE} (a late re-send, not a correction);</li>
 *   <li>same id, new content → {@link Disposition#CORRECTION}, revision = latest + 1.</li>
 * </ul>
 * What it knows comes from two places: its own decisions ({@link #offer}), taken back with {@link #rollback} when
 * the report could not be published (so a retry is not mistaken for a duplicate and lost), and the reports any
 * instance published ({@link #remember}, fed from the normalised topic), so the memory survives a restart and is
 * shared by all instances. The memory is bounded: least recently used ids are forgotten first.
 */
public final class Deduplicator {

    public enum Disposition { NEW, CORRECTION, REPEAT, DUPLICATE }

    /**
     * The decision and the report as it should be published (with its revision). {@code before}/{@code after} are
     * the memory of this id before and after the decision, for {@link #rollback}.
     */
    public record Decision(Disposition disposition, IncidentReport report, Entry before, Entry after) {
        public Decision(Disposition disposition, IncidentReport report) {
            this(disposition, report, null, null);
        }

        public boolean publish() {
            return disposition != Disposition.DUPLICATE;
        }
    }

    /**
     * What is remembered of one report id; never mutated, replaced as a whole. {@code identity} is the latest
     * version's stance and source kind and party, which a correction may not change (see {@link #conflict}).
     */
    public record Entry(String latest, int revision, Map<String, Integer> revisions, Instant published,
                        Identity identity) {
        public Entry {
            revisions = Map.copyOf(revisions);
        }

        static Entry first(String fingerprint, int revision, Instant at, Identity identity) {
            return new Entry(fingerprint, revision, Map.of(fingerprint, revision), at, identity);
        }

        Entry with(String fingerprint, int rev, Instant at, Identity of) {
            Map<String, Integer> all = new HashMap<>(revisions);
            all.putIfAbsent(fingerprint, rev);
            if (rev > revision) {
                return new Entry(fingerprint, rev, all, at, of);
            }
            if (rev == revision && fingerprint.equals(latest)) {
                return new Entry(latest, revision, all, at.isAfter(published) ? at : published, identity);
            }
            return new Entry(latest, revision, all, published, identity);
        }
    }

    /** What a report says about who speaks and what they say: the parts a correction keeps. */
    public record Identity(Stance stance, SourceKind kind, Party party) {
        static Identity of(IncidentReport r) {
            return new Identity(r.stance(), r.source().kind(), r.source().party());
        }
    }

    private final Duration window;
    private final Clock clock;
    private final boolean keepStance;
    private final Map<UUID, Entry> entries;

    public Deduplicator(Duration window, int maxEntries, Clock clock) {
        this(window, maxEntries, clock, true);
    }

    /**
     * @param keepStance a correction may not change a report's stance from one known stance to another (a claim
     *                   into a refutation): it is refused as {@link RejectReason#CORRECTION_CONFLICT}
     */
    public Deduplicator(Duration window, int maxEntries, Clock clock, boolean keepStance) {
        this.window = window;
        this.clock = clock;
        this.keepStance = keepStance;
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** Decides and remembers. */
    public synchronized Decision offer(IncidentReport report) {
        return decide(report, entries.get(report.reportId()), entries);
    }

    /** Decides without remembering (for dry runs). */
    public synchronized Decision peek(IncidentReport report) {
        return decide(report, entries.get(report.reportId()), null);
    }

    /**
     * Decides without touching the memory, as if {@code scratch} (what a dry run's earlier records decided) had been
     * remembered on top of it; the decision is added to {@code scratch}. So a dry run of a batch judges its second
     * copy of a line a duplicate, exactly as the real send would, and still remembers nothing.
     */
    public synchronized Decision peek(IncidentReport report, Map<UUID, Entry> scratch) {
        UUID id = report.reportId();
        return decide(report, scratch.containsKey(id) ? scratch.get(id) : entries.get(id), scratch);
    }

    /**
     * Why {@code report} may not be published as a correction of what is known under its id (with {@code scratch}, a
     * dry run's earlier decisions, on top; may be null), or null when it may. A correction keeps the report's
     * source kind and party (a different one is another source, not a correction; for registry sources the registry
     * fixes them anyway) and, unless configured otherwise, its stance: a claim corrected into a refutation would
     * dissolve the incident it belongs to. {@code UNKNOWN} on either side is no change (the rules may read a
     * corrected text better). A re-send of a known version is no correction, so it never conflicts.
     */
    public synchronized String conflict(IncidentReport report, Map<UUID, Entry> scratch) {
        UUID id = report.reportId();
        Entry e = scratch != null && scratch.containsKey(id) ? scratch.get(id) : entries.get(id);
        if (e == null || e.identity() == null || e.revisions().containsKey(fingerprint(report))) {
            return null;
        }
        Identity was = e.identity();
        Identity now = Identity.of(report);
        if (was.kind() != now.kind() || was.party() != now.party()) {
            return "source " + report.source().id() + " was " + was.kind() + "/" + was.party() + " in revision "
                    + e.revision() + " of this report, now " + now.kind() + "/" + now.party()
                    + ": a correction may not change its source";
        }
        if (keepStance && was.stance() != now.stance() && was.stance() != Stance.UNKNOWN
                && now.stance() != Stance.UNKNOWN) {
            return "stance: revision " + e.revision() + " of this report is a " + was.stance() + ", a correction may "
                    + "not make it a " + now.stance() + " (send it under its own sourceRef)";
        }
        return null;
    }

    /**
     * Takes back what {@link #offer} remembered for a report that was then not published, unless something newer
     * was remembered for the same id since.
     */
    public synchronized void rollback(Decision decision) {
        if (decision.after() == null) {
            return;
        }
        UUID id = decision.report().reportId();
        if (entries.get(id) != decision.after()) {
            return;
        }
        if (decision.before() == null) {
            entries.remove(id);
        } else {
            entries.put(id, decision.before());
        }
    }

    /**
     * Learns a report that was published (by this instance or another) at {@code at}: its content becomes known
     * under its revision; the latest version is the highest revision seen. Seeing the same report twice changes
     * nothing but, for the latest version, its publication time.
     */
    public synchronized void remember(IncidentReport published, Instant at) {
        String fingerprint = fingerprint(published);
        int revision = Math.max(1, published.revision());
        Entry e = entries.get(published.reportId());
        Identity identity = Identity.of(published);
        entries.put(published.reportId(), e == null ? Entry.first(fingerprint, revision, at, identity)
                : e.with(fingerprint, revision, at, identity));
    }

    /** How many report ids are remembered. */
    public synchronized int size() {
        return entries.size();
    }

    /** Decides for {@code report} given what is known of its id ({@code e}); stores the result in {@code into}. */
    private Decision decide(IncidentReport report, Entry e, Map<UUID, Entry> into) {
        String fingerprint = fingerprint(report);
        Instant now = clock.instant();
        Disposition disposition;
        int revision;
        Entry next;
        if (e == null) {
            disposition = Disposition.NEW;
            revision = Math.max(1, report.revision());
            next = Entry.first(fingerprint, revision, now, Identity.of(report));
        } else if (fingerprint.equals(e.latest())) {
            revision = e.revision();
            if (Duration.between(e.published(), now).compareTo(window) <= 0) {
                return new Decision(Disposition.DUPLICATE, report.withRevision(revision));
            }
            disposition = Disposition.REPEAT;
            next = e.with(fingerprint, revision, now, Identity.of(report));
        } else if (e.revisions().containsKey(fingerprint)) {
            return new Decision(Disposition.DUPLICATE, report.withRevision(e.revisions().get(fingerprint)));
        } else {
            disposition = Disposition.CORRECTION;
            revision = Math.max(e.revision() + 1, report.revision());
            next = e.with(fingerprint, revision, now, Identity.of(report));
        }
        if (into == null) {
            return new Decision(disposition, report.withRevision(revision));
        }
        into.put(report.reportId(), next);
        return new Decision(disposition, report.withRevision(revision), e, next);
    }

    /** The content that makes two versions different: everything but when ingest received it and the revision. */
    static String fingerprint(IncidentReport report) {
        return ContentHash.sha256(Json.write(report.withReceivedAt(null).withRevision(1)));
    }
}
