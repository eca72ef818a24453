package org.borderwatch.classifier.verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.model.TimePrecision;

/**
 * Casualties of an incident, from its claims and confirmations only (a denial that mentions deaths adds nothing).
 * Per side: the latest figure that side gives for its own losses (whichever of its sources gave it: the defence
 * ministry's update supersedes the foreign ministry's first count), and every other source's latest figure for that
 * side — latest per event, the events of an incident added up (see {@code figure}); where the figures differ, the
 * most conservative (the lowest, ACLED's rule), with a sentence naming the disagreement.
 */
public final class CasualtyRules {

    public record Tally(List<Casualties> casualties, List<String> sentences) {
    }

    private CasualtyRules() {
    }

    public static Tally tally(List<IncidentReport> statements) {
        return tally(statements, java.time.Duration.ZERO);
    }

    /**
     * @param approximateTolerance how far apart (the session gap) a report whose time is a reading of vague words
     *                             (precision HOUR: "this morning") may lie from another report of the same voice about
     *                             the same place and still re-tell its event (see {@code figure})
     */
    public static Tally tally(List<IncidentReport> statements, java.time.Duration approximateTolerance) {
        List<String> sentences = new ArrayList<>();
        // an observer's confirmation that its own later refutation superseded is no confirmation any more: its
        // figures no longer count (the verdict already reads the observer's latest word)
        Map<IncidentReport, IncidentReport> retracted = retractedConfirmations(statements);
        retracted.forEach((confirmation, refutation) -> {
            if (confirmation.casualties() != null && (confirmation.casualties().killed() != null
                    || confirmation.casualties().wounded() != null)) {
                sentences.add(Sentences.who(confirmation.source()) + "'s figures of "
                        + Sentences.time(confirmation.publishedAt()) + " (" + given(confirmation.casualties())
                        + ") are not counted: its statement of " + Sentences.time(refutation.publishedAt())
                        + " superseded that confirmation.");
            }
        });
        // an unregistered publisher's figures count for nothing (security review F2): anyone may send one
        statements.stream().filter(r -> r.stance() == Stance.CLAIM || r.stance() == Stance.CONFIRMATION)
                .filter(r -> Publishers.unregistered(r) && r.casualties() != null
                        && (r.casualties().killed() != null || r.casualties().wounded() != null))
                .sorted(PUBLICATION)
                .forEach(r -> sentences.add(Sentences.who(r.source()) + " gives " + given(r.casualties())
                        + " (statement of " + Sentences.time(r.publishedAt()) + "): not counted, as the source "
                        + "registry does not know it; only registered sources' figures count."));
        // side -> voice (the side itself, or another source's id) -> its reports giving that side's figure
        Map<Party, Map<String, List<IncidentReport>>> byVoice = new TreeMap<>();
        statements.stream()
                .filter(r -> r.stance() == Stance.CLAIM || r.stance() == Stance.CONFIRMATION)
                .filter(r -> r.casualties() != null)
                .filter(r -> !retracted.containsKey(r))
                .filter(r -> !Publishers.unregistered(r))
                .sorted(PUBLICATION)
                .forEach(r -> byVoice.computeIfAbsent(side(r), p -> new LinkedHashMap<>())
                        .computeIfAbsent(voice(r), v -> new ArrayList<>()).add(r));
        List<Casualties> result = new ArrayList<>();
        // the sides' own totals, which a figure naming no side may count again (eleventh round)
        Integer sidedKilled = null;
        Integer sidedWounded = null;
        for (Map.Entry<Party, Map<String, List<IncidentReport>>> e : byVoice.entrySet()) {
            if (e.getKey() != Party.UNKNOWN) {
                List<Figure> figures = withoutSupersededRelays(e.getKey(), e.getValue()).values().stream()
                        .map(reports -> figure(reports, approximateTolerance)).toList();
                sidedKilled = plus(sidedKilled, min(figures.stream().map(Figure::killed).toList()));
                sidedWounded = plus(sidedWounded, min(figures.stream().map(Figure::wounded).toList()));
            }
        }
        for (Map.Entry<Party, Map<String, List<IncidentReport>>> e : byVoice.entrySet()) {
            List<Figure> figures = withoutSupersededRelays(e.getKey(), e.getValue()).values().stream()
                    .map(reports -> figure(reports, approximateTolerance)).toList();
            Integer killed = min(figures.stream().map(Figure::killed).toList());
            Integer wounded = min(figures.stream().map(Figure::wounded).toList());
            if (e.getKey() == Party.UNKNOWN && (sidedKilled != null || sidedWounded != null)) {
                // a figure naming no side ("two servicemen were killed", an observer's confirmation) may count the
                // very dead a side reports: where the sides give a figure for a count, it adds nothing to it
                for (Figure f : figures) {
                    List<String> dropped = new ArrayList<>();
                    if (sidedKilled != null && f.killed() != null) {
                        dropped.add(f.killed() + " killed");
                    }
                    if (sidedWounded != null && f.wounded() != null) {
                        dropped.add(f.wounded() + " wounded");
                    }
                    if (!dropped.isEmpty()) {
                        sentences.add(f.who() + " gives " + String.join(" and ", dropped) + " without saying whose: "
                                + "not added to the sides' own figures (" + stated(sidedKilled) + " killed, "
                                + stated(sidedWounded) + " wounded), which may count the same people.");
                    }
                }
                killed = sidedKilled != null ? null : killed;
                wounded = sidedWounded != null ? null : wounded;
                if (killed == null && wounded == null) {
                    continue;
                }
                result.add(new Casualties(killed, wounded, null));
                continue;
            }
            result.add(new Casualties(killed, wounded, e.getKey() == Party.UNKNOWN ? null : e.getKey()));
            // a figure a source does not give is no disagreement (sixth round: Armenpress relaying "four killed" said
            // nothing of the wounded; it was quoted as "0 wounded" against the ministry's one)
            boolean disagree = figures.stream().map(Figure::killed).filter(Objects::nonNull).distinct().count() > 1
                    || figures.stream().map(Figure::wounded).filter(Objects::nonNull).distinct().count() > 1;
            if (disagree) {
                sentences.add("Sources differ on " + (e.getKey() == Party.UNKNOWN ? "the"
                        : Sentences.adjective(e.getKey())) + " losses ("
                        + String.join("; ", figures.stream().map(f -> f.who() + ": " + stated(f.killed())
                        + " killed, " + stated(f.wounded()) + " wounded").toList())
                        + "); the most conservative figure is used: " + (killed == null ? 0 : killed) + " killed, "
                        + (wounded == null ? 0 : wounded) + " wounded.");
            }
        }
        return new Tally(result, sentences);
    }

    /**
     * The confirmations (and observers' own reports of an event) of each independent source whose latest word in the
     * incident is a refutation, each mapped to that refutation: as in the verdict ({@code VerdictRules.decide}), an
     * observer's latest statement supersedes its earlier ones, so a confirmation it later took back is no
     * confirmation, and "casualties from claims and confirmations only" leaves its figures out. A confirmation
     * published after the refutation is the observer's latest word and counts.
     */
    static Map<IncidentReport, IncidentReport> retractedConfirmations(List<IncidentReport> statements) {
        Map<String, List<IncidentReport>> bySource = new TreeMap<>();
        statements.stream()
                .filter(r -> r.stance() == Stance.CONFIRMATION || r.stance() == Stance.REFUTATION
                        || VerdictRules.observersOwnReport(r))
                .filter(r -> r.source().kind() != SourceKind.DATASET && VerdictRules.isIndependent(r.source()))
                .sorted(PUBLICATION)
                .forEach(r -> bySource.computeIfAbsent(r.source().id(), k -> new ArrayList<>()).add(r));
        Map<IncidentReport, IncidentReport> out = new LinkedHashMap<>();
        for (List<IncidentReport> said : bySource.values()) {
            IncidentReport latest = said.get(said.size() - 1);
            if (latest.stance() == Stance.REFUTATION) {
                said.stream().filter(r -> r.stance() != Stance.REFUTATION).forEach(r -> out.put(r, latest));
            }
        }
        return out;
    }

    private static String given(Casualties c) {
        List<String> parts = new ArrayList<>();
        if (c.killed() != null) {
            parts.add(c.killed() + " killed");
        }
        if (c.wounded() != null) {
            parts.add(c.wounded() + " wounded");
        }
        return String.join(", ", parts);
    }

    /**
     * The media of either side relay the ministries' counts; they do not count losses themselves. Their figure for a
     * side, about an event that side's officials later give a figure for, is the earlier count the side has since
     * revised (APA and news.am relaying "one serviceman wounded" before the Defence Ministry said he had died), not a
     * disagreement: it is left out. Foreign media, observers and third parties keep their own estimates, and a side's
     * media figure published after the side's own latest one still counts.
     */
    static Map<String, List<IncidentReport>> withoutSupersededRelays(Party side,
                                                                     Map<String, List<IncidentReport>> voices) {
        List<IncidentReport> official = voices.get("side:" + side);
        if (official == null || official.isEmpty()) {
            return voices;
        }
        Map<String, List<IncidentReport>> kept = new LinkedHashMap<>();
        voices.forEach((voice, reports) -> {
            List<IncidentReport> left = reports.stream().filter(r -> !(r.source().kind() == SourceKind.MEDIA
                    && r.source().party().isBelligerent() && official.stream().anyMatch(o ->
                    o.publishedAt().isAfter(r.publishedAt()) && !o.occurredAt().isAfter(until(r))
                            && !until(o).isBefore(r.occurredAt())))).toList();
            if (!left.isEmpty()) {
                kept.put(voice, left);
            }
        });
        return kept;
    }

    private static String stated(Integer n) {
        return n == null ? "no figure" : String.valueOf(n);
    }

    private static final Comparator<IncidentReport> PUBLICATION = Comparator.comparing(IncidentReport::publishedAt)
            .thenComparing(IncidentReport::revision).thenComparing(IncidentReport::reportId);

    private record Figure(String who, Integer killed, Integer wounded) {
    }

    /**
     * One voice's figure for one side: its reports grouped into events (event-time intervals that overlap, directly
     * or through another of its reports, are one event: a casualty update re-tells its event); per event the latest
     * figure; the events added up. A "no losses" about the next night's shots does not erase yesterday's dead. A report
     * of losses alone that names no time ("the death toll has risen to four") is a running total of everything told
     * before it: the latest such total, plus the events first told after it.
     *
     * <p>Killed and wounded are counted separately: a figure a report does not give ({@code null}) is no figure of
     * zero. "The number killed has risen to two" says nothing of the wounded: the latest report that gives the wounded
     * figure still counts for it (a later report that says "0 wounded" states it).
     */
    private static Figure figure(List<IncidentReport> reports, java.time.Duration approximateTolerance) {
        List<List<IncidentReport>> events = new ArrayList<>();
        for (IncidentReport r : reports.stream().filter(r -> !isRunningTotal(r))
                .sorted(Comparator.comparing(IncidentReport::occurredAt).thenComparing(PUBLICATION)).toList()) {
            List<IncidentReport> last = events.isEmpty() ? null : events.get(events.size() - 1);
            if (last != null && (!r.occurredAt().isAfter(last.stream().map(CasualtyRules::until)
                    .max(Comparator.naturalOrder()).orElseThrow())
                    || last.stream().anyMatch(q -> retellsApproximately(q, r, approximateTolerance)))) {
                last.add(r);
            } else {
                events.add(new ArrayList<>(List.of(r)));
            }
        }
        return new Figure(Sentences.who(reports.get(reports.size() - 1).source()),
                count(reports, events, Casualties::killed), count(reports, events, Casualties::wounded));
    }

    /**
     * Held-out batch 46: Armenia's Defence Ministry told of two servicemen killed near Nerkin Hand "around 05:40", its
     * Foreign Ministry condemned "the killing of two Armenian servicemen near Nerkin Hand this morning" (read as 06:00
     * to 12:00); one voice, intervals 20 minutes apart, so two events: 4 killed and CRITICAL, against the ICRC's two. A
     * time read from vague words (precision HOUR: "this morning", "in the early hours") is approximate: such a report
     * re-tells an event of the same voice about the same place (the same settlement) within {@code tolerance} (the
     * session gap, the tolerance every placement by time uses) — as an observer's confirmation of "the early hours"
     * fits a claim of 06:40. Two reports stating their minutes (or a whole day and a minute) stay apart as before.
     */
    private static boolean retellsApproximately(IncidentReport earlier, IncidentReport later,
                                                java.time.Duration tolerance) {
        if (tolerance.isZero() || (earlier.timePrecision() != TimePrecision.HOUR
                && later.timePrecision() != TimePrecision.HOUR)) {
            return false;
        }
        String a = earlier.location().settlement();
        String b = later.location().settlement();
        return a != null && b != null && !a.isBlank() && a.strip().equalsIgnoreCase(b.strip())
                && !later.occurredAt().isAfter(until(earlier).plus(tolerance));
    }

    /** One count (killed or wounded) of one voice: only the reports that give that count have a say in it. */
    private static Integer count(List<IncidentReport> reports, List<List<IncidentReport>> events,
                                 Function<Casualties, Integer> field) {
        IncidentReport total = reports.stream().filter(CasualtyRules::isRunningTotal)
                .filter(r -> field.apply(r.casualties()) != null).max(PUBLICATION).orElse(null);
        Integer sum = total == null ? null : field.apply(total.casualties());
        for (List<IncidentReport> event : events) {
            List<IncidentReport> giving = event.stream().filter(r -> field.apply(r.casualties()) != null).toList();
            // an event first told before the total is in the total
            if (giving.isEmpty() || total != null && event.stream().anyMatch(r -> PUBLICATION.compare(r, total) < 0)) {
                continue;
            }
            sum = plus(sum, field.apply(giving.stream().max(PUBLICATION).orElseThrow().casualties()));
        }
        return sum;
    }

    /** Losses alone (event type CASUALTY only), at no time the statement names: a running total. */
    private static boolean isRunningTotal(IncidentReport r) {
        return r.timePrecision() == TimePrecision.UNKNOWN && !r.eventTypes().isEmpty()
                && r.eventTypes().stream().allMatch(t -> t == EventType.CASUALTY);
    }

    private static java.time.OffsetDateTime until(IncidentReport r) {
        return r.occurredUntil() != null ? r.occurredUntil() : r.occurredAt();
    }

    private static Integer plus(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(a + b);
    }

    /**
     * Who gives the figure: a side's official sources (ministries, border service, leaders) speak with one voice about
     * its own losses; its media, observers and the other side are sources of their own.
     */
    private static String voice(IncidentReport r) {
        Party side = side(r);
        return side.isBelligerent() && r.source().party() == side && r.source().kind() == SourceKind.PARTY_OFFICIAL
                ? "side:" + side : "source:" + r.source().id();
    }

    private static Party side(IncidentReport r) {
        if (r.casualties().party() != null) {
            return r.casualties().party();
        }
        return r.source().party().isBelligerent() ? r.source().party() : Party.UNKNOWN;
    }

    private static Integer min(List<Integer> values) {
        return values.stream().filter(v -> v != null).min(Integer::compare).orElse(null);
    }
}
