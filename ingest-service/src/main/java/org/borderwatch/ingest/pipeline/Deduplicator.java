package org.borderwatch.ingest.pipeline;

import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.IncidentReport;

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
 * The memory is bounded (least recently used ids are forgotten first) and local to this instance.
 */
public final class Deduplicator {

    public enum Disposition { NEW, CORRECTION, REPEAT, DUPLICATE }

    /** The decision and the report as it should be published (with its revision). */
    public record Decision(Disposition disposition, IncidentReport report) {
        public boolean publish() {
            return disposition != Disposition.DUPLICATE;
        }
    }

    private static final class Entry {
        final Map<String, Integer> revisions = new HashMap<>();
        String latest;
        int revision;
        Instant published;
    }

    private final Duration window;
    private final Clock clock;
    private final Map<UUID, Entry> entries;

    public Deduplicator(Duration window, int maxEntries, Clock clock) {
        this.window = window;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** Decides and remembers. */
    public synchronized Decision offer(IncidentReport report) {
        return decide(report, true);
    }

    /** Decides without remembering (for dry runs). */
    public synchronized Decision peek(IncidentReport report) {
        return decide(report, false);
    }

    private Decision decide(IncidentReport report, boolean remember) {
        String fingerprint = fingerprint(report);
        Instant now = clock.instant();
        Entry e = entries.get(report.reportId());
        if (e == null) {
            int revision = Math.max(1, report.revision());
            if (remember) {
                Entry fresh = new Entry();
                fresh.latest = fingerprint;
                fresh.revision = revision;
                fresh.revisions.put(fingerprint, revision);
                fresh.published = now;
                entries.put(report.reportId(), fresh);
            }
            return new Decision(Disposition.NEW, report.withRevision(revision));
        }
        if (fingerprint.equals(e.latest)) {
            if (Duration.between(e.published, now).compareTo(window) <= 0) {
                return new Decision(Disposition.DUPLICATE, report.withRevision(e.revision));
            }
            if (remember) {
                e.published = now;
            }
            return new Decision(Disposition.REPEAT, report.withRevision(e.revision));
        }
        if (e.revisions.containsKey(fingerprint)) {
            return new Decision(Disposition.DUPLICATE, report.withRevision(e.revisions.get(fingerprint)));
        }
        int revision = Math.max(e.revision + 1, report.revision());
        if (remember) {
            e.latest = fingerprint;
            e.revision = revision;
            e.revisions.put(fingerprint, revision);
            e.published = now;
        }
        return new Decision(Disposition.CORRECTION, report.withRevision(revision));
    }

    /** The content that makes two versions different: everything but when ingest received it and the revision. */
    static String fingerprint(IncidentReport report) {
        return ContentHash.sha256(Json.write(report.withReceivedAt(null).withRevision(1)));
    }
}
