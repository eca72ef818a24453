package org.borderwatch.classifier.verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.model.Stance;

/**
 * Casualties of an incident, from its claims and confirmations only (a denial that mentions deaths adds nothing).
 * Per side: the latest figure that side gives for its own losses (whichever of its sources gave it: the defence
 * ministry's update supersedes the foreign ministry's first count), and every other source's latest figure for that
 * side; where the figures differ, the most conservative (the lowest, ACLED's rule), with a sentence naming the
 * disagreement.
 */
public final class CasualtyRules {

    public record Tally(List<Casualties> casualties, List<String> sentences) {
    }

    private CasualtyRules() {
    }

    public static Tally tally(List<IncidentReport> statements) {
        // side -> voice (the side itself, or another source's id) -> latest report giving that side's figure
        Map<Party, Map<String, IncidentReport>> latest = new TreeMap<>();
        statements.stream()
                .filter(r -> r.stance() == Stance.CLAIM || r.stance() == Stance.CONFIRMATION)
                .filter(r -> r.casualties() != null)
                .sorted(Comparator.comparing(IncidentReport::publishedAt).thenComparing(IncidentReport::revision)
                        .thenComparing(IncidentReport::reportId))
                .forEach(r -> latest.computeIfAbsent(side(r), p -> new LinkedHashMap<>()).put(voice(r), r));
        List<Casualties> result = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (Map.Entry<Party, Map<String, IncidentReport>> e : latest.entrySet()) {
            List<IncidentReport> figures = List.copyOf(e.getValue().values());
            Integer killed = min(figures.stream().map(r -> r.casualties().killed()).toList());
            Integer wounded = min(figures.stream().map(r -> r.casualties().wounded()).toList());
            result.add(new Casualties(killed, wounded, e.getKey() == Party.UNKNOWN ? null : e.getKey()));
            boolean disagree = figures.stream().map(r -> List.of(r.casualties().killedOrZero(),
                    r.casualties().woundedOrZero())).distinct().count() > 1;
            if (disagree) {
                sentences.add("Sources differ on " + (e.getKey() == Party.UNKNOWN ? "the"
                        : Sentences.adjective(e.getKey())) + " losses ("
                        + String.join("; ", figures.stream().map(r -> Sentences.who(r.source()) + ": "
                        + r.casualties().killedOrZero() + " killed, " + r.casualties().woundedOrZero()
                        + " wounded").toList())
                        + "); the most conservative figure is used: " + (killed == null ? 0 : killed) + " killed, "
                        + (wounded == null ? 0 : wounded) + " wounded.");
            }
        }
        return new Tally(result, sentences);
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
