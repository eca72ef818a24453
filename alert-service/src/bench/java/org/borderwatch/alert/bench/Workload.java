package org.borderwatch.alert.bench;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The driver's synthetic load, deterministic for a given size: distinct incidents over the border segments with
 * mixed severities; three in ten get a second version whose severity rises (an update), one in five a closing
 * version (a resolution). Later versions are sent a few hundred records after the first one, interleaved with new
 * incidents. Incidents lie 13 hours apart in event time, so the default inhibition rule (12 h) never applies and
 * the expected deliveries are a function of the subscription filters alone ({@link #expected}).
 */
final class Workload {

    /** One record to send. */
    record Item(Assessment assessment, int order) {
    }

    /** A subscription's filter as the driver creates it (empty segments = any). */
    record Filter(Set<BorderSegment> segments, Severity minSeverity) {
        boolean matches(BorderSegment segment, Severity severity) {
            return (segments.isEmpty() || segments.contains(segment)) && severity.isAtLeast(minSeverity);
        }

        String json() {
            StringBuilder s = new StringBuilder("{\"segments\":[");
            s.append(String.join(",", segments.stream().map(x -> "\"" + x.name() + "\"").sorted().toList()));
            return s.append("],\"minSeverity\":\"").append(minSeverity.name()).append("\"}").toString();
        }
    }

    static final List<BorderSegment> SEGMENTS = List.of(BorderSegment.TAVUSH, BorderSegment.GEGHARKUNIK,
            BorderSegment.VAYOTS_DZOR_EAST, BorderSegment.SYUNIK_EAST, BorderSegment.SYUNIK_WEST,
            BorderSegment.VAYOTS_DZOR_WEST, BorderSegment.ARARAT, BorderSegment.LACHIN_CORRIDOR);
    private static final OffsetDateTime FIRST_EVENT = OffsetDateTime.of(2019, 1, 1, 6, 0, 0, 0, ZoneOffset.ofHours(4));
    private static final int LATER_VERSION_DISTANCE = 200;

    private final List<Item> items;

    private Workload(List<Item> items) {
        this.items = items;
    }

    /** Exactly {@code total} assessments (the last incidents may lack their later versions). */
    static Workload generate(int total, long seed) {
        Random random = new Random(seed);
        List<Item> items = new ArrayList<>(total);
        int produced = 0;
        for (int i = 0; produced < total; i++) {
            UUID incident = new UUID(0x5eed_0000_0000_0000L | seed, i);
            BorderSegment segment = SEGMENTS.get(random.nextInt(SEGMENTS.size()));
            Severity severity = severityOf(random.nextInt(100));
            OffsetDateTime at = FIRST_EVENT.plusHours(13L * i);
            boolean fatal = random.nextInt(10) == 0;
            items.add(new Item(assessment(incident, 1, segment, severity, at, false, fatal, false), i * 3));
            produced++;
            long version = 1;
            Severity current = severity;
            boolean signalAdded = false;
            if (produced < total && i % 10 < 3) {
                // severity rises: a material change, sent as an update; CRITICAL gains a new signal (HEAVY_WEAPONS) instead
                version++;
                signalAdded = current == Severity.CRITICAL;
                current = signalAdded ? current : Severity.values()[current.ordinal() + 1];
                items.add(new Item(assessment(incident, version, segment, current, at, false, fatal, signalAdded),
                        i * 3 + LATER_VERSION_DISTANCE * 3 + 1));
                produced++;
            }
            if (produced < total && i % 5 == 0) {
                version++;
                items.add(new Item(assessment(incident, version, segment, current, at, true, fatal, signalAdded),
                        i * 3 + 2 * LATER_VERSION_DISTANCE * 3 + 2));
                produced++;
            }
        }
        items.sort(Comparator.comparingInt(Item::order));
        return new Workload(List.copyOf(items));
    }

    List<Item> items() {
        return items;
    }

    /**
     * The webhook items a subscription must receive, as {@code incidentId|sequence}: the first version fires to
     * those it matches, an update goes to those it matches (now), the resolution to those it matches or who were
     * told before. Written from the documented rules, independently of the service's router.
     */
    Set<String> expected(Filter filter) {
        Set<String> out = new HashSet<>();
        // items are in send order, and an incident's versions are in version order (one key, one partition)
        java.util.Map<UUID, long[]> state = new java.util.HashMap<>(); // [sequence, told 0/1]
        for (Item item : items) {
            Assessment a = item.assessment();
            long[] s = state.computeIfAbsent(a.incidentId(), k -> new long[] {0, 0});
            s[0]++;
            boolean matches = filter.matches(a.segment(), a.severity());
            boolean routed = a.closed() ? matches || s[1] == 1 : matches;
            if (routed) {
                out.add(a.incidentId() + "|" + s[0]);
                s[1] = 1;
            }
        }
        return out;
    }

    /** Mixed severities: INFO 10 %, LOW 30 %, MEDIUM 30 %, HIGH 20 %, CRITICAL 10 %. */
    private static Severity severityOf(int percent) {
        if (percent < 10) {
            return Severity.INFO;
        }
        if (percent < 40) {
            return Severity.LOW;
        }
        if (percent < 70) {
            return Severity.MEDIUM;
        }
        return percent < 90 ? Severity.HIGH : Severity.CRITICAL;
    }

    private static Assessment assessment(UUID incident, long version, BorderSegment segment, Severity severity,
                                         OffsetDateTime at, boolean closed, boolean fatal, boolean heavy) {
        Set<SignalType> types = EnumSet.of(SignalType.CLAIM_SURGE);
        if (fatal) {
            types.add(SignalType.FATALITIES);
        }
        if (heavy) {
            types.add(SignalType.HEAVY_WEAPONS);
        }
        List<Signal> signals = types.stream().map(t -> new Signal(t, List.of(), "load driver signal " + t)).toList();
        return new Assessment(Assessment.SCHEMA_VERSION, incident, version, segment,
                new TimeWindow(at, at.plusMinutes(30)), Occurrence.UNVERIFIED, Attribution.CONTESTED, 0.6,
                Party.AZ, List.of(EventType.SMALL_ARMS_FIRE), null,
                List.of(new Casualties(fatal ? 1 : 0, 0, Party.AM)), severity, signals, closed,
                List.of("synthetic: one side reported fire on " + segment, "synthetic: the other side denied"),
                at.plusHours(1).plusMinutes(version), List.of("am-mod", "az-mod"));
    }
}
