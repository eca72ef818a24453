package org.borderwatch.classifier.engine;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.borderwatch.classifier.correlation.IncidentState;
import org.borderwatch.classifier.correlation.ReportKinds;
import org.borderwatch.common.Uuids;
import org.borderwatch.classifier.reliability.SourceRecord;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Stance;

/**
 * Keeps the {@link EngineState} bounded: trims histories to what the rules can still look at, drops reports nothing
 * refers to, and moves the claimants' track records when an incident closes.
 */
final class Housekeeping {

    private final ClassifierSettings settings;
    private final EngineState state;

    Housekeeping(ClassifierSettings settings, EngineState state) {
        this.settings = settings;
        this.state = state;
    }

    /** Only verdicts decided by an observer's word move the claimants' track records. */
    void recordTrackRecord(IncidentState inc) {
        countTrackRecord(state, inc, true);
    }

    /**
     * Counts a closed incident's verdict in its claimants' track records, or ({@code add} false) takes it back when a
     * late report within grace corrects the verdict.
     */
    static void countTrackRecord(EngineState state, IncidentState inc, boolean add) {
        if (!inc.observerDecided || inc.occurrence == null) {
            return;
        }
        boolean confirmed = inc.occurrence == Occurrence.CONFIRMED;
        for (String source : inc.claimSources) {
            SourceRecord r = state.source(source);
            state.sources.put(source, add ? (confirmed ? r.confirm() : r.refute())
                    : (confirmed ? r.unconfirm() : r.unrefute()));
        }
    }

    /**
     * Evicts the closed incidents whose grace has passed: stream time is after their closure plus the grace, so no
     * report that is still within grace can have been published while they were open. Returns whether any went.
     */
    boolean evictClosed() {
        OffsetDateTime now = state.streamTime;
        return state.closed.removeIf(c -> {
            boolean evict = c.closedAt == null || c.closedAt.plus(settings.grace()).isBefore(now);
            if (evict && openedByAResponse(c)) {
                // c25: its last version, for a late answer assessed alone under its id (Assessor.continuing)
                OffsetDateTime until = c.to != null && c.to.isAfter(now) ? c.to : now;
                state.evicted.put(c.id, new EngineState.Evicted(c.version, until));
            }
            return evict;
        });
    }

    /**
     * Whether a closed incident is named after a response it holds (a denial or confirmation published before its
     * claim): only then can a late answer be assessed alone under its id. Other incidents' versions are not kept.
     */
    private boolean openedByAResponse(IncidentState c) {
        return c.members.stream().anyMatch(m -> {
            IncidentReport r = state.reports.get(m.reportId());
            return r != null && r.stance() != Stance.CLAIM && !ReportKinds.isContextOnly(r)
                    && Uuids.incidentId(c.segment.name(), m.reportId()).equals(c.id);
        });
    }

    /** Trims every history to what the rules can still look at, then collects the reports left unreferenced. */
    void trim() {
        OffsetDateTime now = state.streamTime;
        Duration keep = settings.grace().plus(settings.quietPeriod());
        state.seen.values().removeIf(s -> s.publishedAt().isBefore(now.minus(keep)));
        state.observations.removeIf(o -> {
            IncidentReport r = state.reports.get(o);
            return r == null || r.coverage().to().isBefore(now.minus(keep));
        });
        state.milestones.removeIf(m -> {
            IncidentReport r = state.reports.get(m);
            return r == null || r.occurredAt().isBefore(now.minus(settings.signals().milestoneLookback()).minus(keep));
        });
        OffsetDateTime claimHorizon = now.minus(settings.signals().claimHistory()).minus(settings.grace());
        state.claims.values().forEach(list -> list.removeIf(c -> c.occurredAt().isBefore(claimHorizon)
                && c.publishedAt().isBefore(claimHorizon)));
        state.claims.values().removeIf(List::isEmpty);
        state.evicted.values().removeIf(e -> e.until().isBefore(claimHorizon));
        state.segmentStarts.values().forEach(starts -> {
            OffsetDateTime horizon = startsHorizon(starts, settings.signals().quietLookback(),
                    settings.signals().quietCalm(), settings.grace());
            starts.removeIf(s -> s.isBefore(horizon));
        });
        collectGarbage();
    }

    /**
     * The oldest incident start of a segment that QUIET_BROKEN may still need: those within the lookback (and a grace
     * for incidents learned late) before the latest start, and — when the segment's most recent calm ended within
     * that period — the lookback before the calm began, so that an incident learned late that falls inside the calm
     * (a claim published days after the one that seemed to break it) still sees how active the segment was before.
     * Bounded: a calm holds no starts, so at most the lookback before it and what came after it are kept.
     */
    static OffsetDateTime startsHorizon(List<OffsetDateTime> starts, Duration lookback, Duration calm, Duration grace) {
        if (starts.isEmpty()) {
            return OffsetDateTime.MIN;
        }
        List<OffsetDateTime> sorted = starts.stream().sorted().toList();
        OffsetDateTime latest = sorted.get(sorted.size() - 1);
        OffsetDateTime horizon = latest.minus(lookback).minus(grace);
        for (int i = sorted.size() - 1; i > 0; i--) {
            OffsetDateTime before = sorted.get(i - 1);
            OffsetDateTime after = sorted.get(i);
            if (after.isBefore(horizon)) {
                break;
            }
            if (Duration.between(before, after).compareTo(calm) >= 0) {
                OffsetDateTime preCalm = before.minus(lookback);
                return preCalm.isBefore(horizon) ? preCalm : horizon;
            }
        }
        return horizon;
    }

    /** Drops reports nothing refers to any more. */
    void collectGarbage() {
        Set<UUID> live = new LinkedHashSet<>();
        state.incidents.forEach(i -> i.members.forEach(m -> live.add(m.reportId())));
        state.closed.forEach(i -> i.members.forEach(m -> live.add(m.reportId())));
        live.addAll(state.observations);
        live.addAll(state.pending);
        live.addAll(state.milestones);
        state.reports.keySet().retainAll(live);
        state.correctedAway.keySet().retainAll(state.reports.keySet());
    }
}
