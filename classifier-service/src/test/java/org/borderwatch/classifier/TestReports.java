package org.borderwatch.classifier;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.borderwatch.classifier.replay.Replayer;
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

/** Short ways to write reports in tests. Times are local (+04:00) "yyyy-MM-ddTHH:mm". */
public final class TestReports {

    public static final Source AZ_MOD = new Source("az-mod", "AZ MoD", SourceKind.PARTY_OFFICIAL, Party.AZ);
    public static final Source AZ_SBS = new Source("az-sbs", "AZ SBS", SourceKind.PARTY_OFFICIAL, Party.AZ);
    public static final Source AM_MOD = new Source("am-mod", "AM MoD", SourceKind.PARTY_OFFICIAL, Party.AM);
    public static final Source AM_MFA = new Source("am-mfa", "AM MFA", SourceKind.PARTY_OFFICIAL, Party.AM);
    public static final Source EUMA = new Source("euma", "EUMA", SourceKind.INDEPENDENT_OBSERVER, Party.EU);
    public static final Source OSCE = new Source("osce", "OSCE", SourceKind.INDEPENDENT_OBSERVER, Party.INTL);
    /** A third party that is neither observer nor belligerent. */
    public static final Source RU_MOD = new Source("ru-mod", "RU MoD", SourceKind.OTHER, Party.RU);
    public static final Source TASS = new Source("tass", "TASS", SourceKind.MEDIA, Party.RU);
    public static final Source ACLED = new Source("acled", "ACLED", SourceKind.DATASET, Party.UNKNOWN);
    public static final Source CALENDAR = new Source("calendar", "Calendar", SourceKind.OTHER, Party.UNKNOWN);

    private TestReports() {
    }

    public static OffsetDateTime t(String local) {
        return OffsetDateTime.parse(local.length() == 10 ? local + "T00:00:00+04:00" : local + ":00+04:00");
    }

    public static IncidentReport.Builder base(Source source, String ref, Stance stance, String published) {
        return IncidentReport.builder().reportId(Uuids.reportId(source.id(), ref)).sourceRef(ref).source(source)
                .stance(stance).publishedAt(t(published)).occurredAt(t(published));
    }

    /** A claim by {@code source} that {@code acting} fired at {@code at} in the segments. */
    public static IncidentReport.Builder claim(Source source, String ref, Party acting, String at, String published,
                                               BorderSegment... segments) {
        return base(source, ref, Stance.CLAIM, published).actingParty(acting).occurredAt(t(at))
                .eventTypes(EventType.SMALL_ARMS_FIRE).location(Location.of(segments));
    }

    public static IncidentReport.Builder denial(Source source, String ref, String published, Party accuser,
                                                String fromDay, String toDay, BorderSegment... segments) {
        return base(source, ref, Stance.DENIAL, published).actingParty(source.party())
                .location(segments.length == 0 ? Location.unresolved(null) : Location.of(segments))
                .answers(new Answers(List.of(), accuser, t(fromDay), t(toDay), List.of(segments)));
    }

    public static IncidentReport.Builder observer(Source source, String ref, Stance stance, String published,
                                                  String fromDay, String toDay, BorderSegment... segments) {
        return base(source, ref, stance, published)
                .coverage(new Coverage(t(fromDay), t(toDay).plusDays(1).minusSeconds(1), List.of(segments)));
    }

    public static Casualties killed(int killed, int wounded, Party party) {
        return new Casualties(killed, wounded, party);
    }

    public static List<IncidentReport> fixture(String name) {
        try (Reader in = new InputStreamReader(TestReports.class.getResourceAsStream("/fixtures/" + name),
                StandardCharsets.UTF_8)) {
            return Replayer.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
