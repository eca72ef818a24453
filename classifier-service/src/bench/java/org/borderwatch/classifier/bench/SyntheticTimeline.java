package org.borderwatch.classifier.bench;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.borderwatch.common.Uuids;
import org.borderwatch.common.model.Answers;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.Coverage;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Source;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.model.Stance;

/**
 * A deterministic synthetic timeline: every day a few claims by either side in random segments, most of them denied,
 * a weekly observer statement, occasional casualties and heavy weapons, now and then a surge.
 */
final class SyntheticTimeline {

    static final Source AZ = new Source("az-mod", "AZ MoD", SourceKind.PARTY_OFFICIAL, Party.AZ);
    static final Source AM = new Source("am-mod", "AM MoD", SourceKind.PARTY_OFFICIAL, Party.AM);
    static final Source EUMA = new Source("euma", "EUMA", SourceKind.INDEPENDENT_OBSERVER, Party.EU);
    static final BorderSegment[] SEGMENTS = {BorderSegment.TAVUSH, BorderSegment.GEGHARKUNIK,
            BorderSegment.VAYOTS_DZOR_EAST, BorderSegment.SYUNIK_EAST, BorderSegment.SYUNIK_WEST,
            BorderSegment.VAYOTS_DZOR_WEST, BorderSegment.ARARAT};

    private SyntheticTimeline() {
    }

    /** About {@code perDay} reports a day for {@code days} days, in publication order. */
    static List<IncidentReport> generate(int days, int perDay, long seed) {
        Random rnd = new Random(seed);
        OffsetDateTime start = OffsetDateTime.parse("2020-01-01T00:00:00+04:00");
        List<IncidentReport> out = new ArrayList<>();
        int n = 0;
        for (int d = 0; d < days; d++) {
            OffsetDateTime day = start.plusDays(d);
            int claims = Math.max(0, perDay / 2 + rnd.nextInt(3) - 1);
            for (int c = 0; c < claims; c++) {
                boolean az = rnd.nextBoolean();
                Source src = az ? AZ : AM;
                BorderSegment seg = SEGMENTS[rnd.nextInt(SEGMENTS.length)];
                OffsetDateTime at = day.plusMinutes(rnd.nextInt(24 * 60));
                String ref = "syn-" + (n++);
                IncidentReport claim = IncidentReport.builder().reportId(Uuids.reportId(src.id(), ref)).sourceRef(ref)
                        .source(src).stance(Stance.CLAIM).actingParty(src.party().opponent())
                        .eventTypes(rnd.nextInt(10) == 0 ? EventType.MORTAR_ARTILLERY : EventType.SMALL_ARMS_FIRE)
                        .location(Location.of(seg)).occurredAt(at).publishedAt(at.plusHours(2))
                        .receivedAt(at.plusHours(2))
                        .casualties(rnd.nextInt(20) == 0 ? new Casualties(rnd.nextInt(3), 1, src.party()) : null)
                        .text("synthetic claim " + ref).build();
                out.add(claim);
                if (rnd.nextInt(3) > 0) {
                    Source denier = az ? AM : AZ;
                    String dref = "syn-" + (n++);
                    out.add(IncidentReport.builder().reportId(Uuids.reportId(denier.id(), dref)).sourceRef(dref)
                            .source(denier).stance(Stance.DENIAL).actingParty(denier.party())
                            .location(Location.of(seg)).occurredAt(at.plusHours(5)).publishedAt(at.plusHours(5))
                            .receivedAt(at.plusHours(5))
                            .answers(new Answers(List.of(), src.party(), at.withHour(0).withMinute(0),
                                    at.withHour(0).withMinute(0), List.of(seg)))
                            .text("synthetic denial " + dref).build());
                }
            }
            if (d % 7 == 6) {
                String oref = "syn-" + (n++);
                OffsetDateTime pub = day.plusHours(18);
                out.add(IncidentReport.builder().reportId(Uuids.reportId(EUMA.id(), oref)).sourceRef(oref)
                        .source(EUMA).stance(Stance.REFUTATION).location(Location.of(BorderSegment.SYUNIK_EAST))
                        .occurredAt(pub).publishedAt(pub).receivedAt(pub)
                        .coverage(new Coverage(day.minusDays(1), day.plusDays(1).minusSeconds(1),
                                List.of(BorderSegment.SYUNIK_EAST, BorderSegment.GEGHARKUNIK)))
                        .text("synthetic observer statement " + oref).build());
            }
        }
        out.sort(java.util.Comparator.comparing(IncidentReport::publishedAt));
        return out;
    }
}
