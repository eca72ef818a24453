package org.borderwatch.ingest.canonical;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.borderwatch.common.Uuids;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Source;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.model.Stance;
import org.borderwatch.ingest.Fixtures;
import org.borderwatch.ingest.IngestCore;
import org.borderwatch.ingest.pipeline.Deduplicator.Disposition;
import org.borderwatch.ingest.pipeline.IngestLimits;
import org.borderwatch.ingest.pipeline.IngestPipeline;
import org.borderwatch.ingest.pipeline.IngestPipeline.Result;
import org.borderwatch.ingest.pipeline.InputFormat;
import org.borderwatch.ingest.pipeline.RejectReason;
import org.borderwatch.ingest.pipeline.Rejection;
import org.borderwatch.ingest.pipeline.SourcePermission;
import org.borderwatch.ingest.pipeline.SourceRules;
import org.borderwatch.ingest.pipeline.Violation;
import org.borderwatch.ingest.statement.RuleLimits;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A canonical report speaks for the source it names: registry sources keep their registry kind and party, unknown
 * sources may not claim the registered-only kinds, a correction may not change the stance or the source, and a
 * partner key sends reports only of the sources it is allowed.
 */
class CanonicalSourceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-20T12:00:00Z"), ZoneOffset.UTC);
    private static final String MOD_CLAIM = "{\"sourceRef\":\"hj-1\",\"source\":\"Ministry of Defence of Azerbaijan\","
            + "\"publishedAt\":\"2025-03-16T10:20:00+04:00\",\"language\":\"en\",\"text\":\"On 16 March at 09:35 "
            + "Armenian units fired at our positions from Digh.\"}";

    private final IngestPipeline pipeline = Fixtures.core(CLOCK).pipeline();

    private static IncidentReport canonical(String ref, Source source, Stance stance) {
        return IncidentReport.builder().reportId(UUID.randomUUID()).sourceRef(ref).source(source).stance(stance)
                .location(Location.of(BorderSegment.SYUNIK_EAST))
                .publishedAt(OffsetDateTime.parse("2025-03-17T10:00:00+04:00")).build();
    }

    private Result send(IncidentReport r) {
        return pipeline.processRecord(InputFormat.CANONICAL, Json.writeBytes(r), "t");
    }

    private static Rejection only(Result r) {
        assertThat(r.published()).isEmpty();
        assertThat(r.rejections()).hasSize(1);
        return r.rejections().get(0);
    }

    @Test
    void aRegistrySourceWithAnotherKindAndPartyIsASourceMismatchNamingBothFields() {
        Rejection r = only(send(canonical("hj-1", new Source("az-mod", "EU observers", SourceKind.INDEPENDENT_OBSERVER,
                Party.EU), Stance.REFUTATION)));
        assertThat(r.reason()).isEqualTo(RejectReason.SOURCE_MISMATCH);
        assertThat(r.violations()).extracting(Violation::field).containsExactly("$.source.kind", "$.source.party");
        assertThat(r.detail()).isEqualTo("$.source.kind: source az-mod is PARTY_OFFICIAL in the source registry, not "
                + "INDEPENDENT_OBSERVER; $.source.party: source az-mod is of party AZ in the source registry, not EU");
    }

    @Test
    void aRegistrySourceWithItsKindIsAcceptedAsTheRegistryNamesItAndAnAbsentPartyIsTheRegistrys() {
        IncidentReport out = send(canonical("mod-7", new Source("az-mod", "MoD", SourceKind.PARTY_OFFICIAL, null),
                Stance.CLAIM)).published().get(0);
        assertThat(out.source()).isEqualTo(Fixtures.SOURCES.byId("az-mod").orElseThrow().toSource());
        assertThat(out.reportId()).isEqualTo(Uuids.reportId("az-mod", "mod-7"));
    }

    @Test
    void aPublisherTheRegistryDoesNotKnowIsPublishedAsUnregisteredAndSpeaksForNoSide() {
        IncidentReport out = send(canonical("bd-1", new Source("border-daily", "Border Daily", SourceKind.MEDIA,
                Party.AM), Stance.CLAIM)).published().get(0);

        // the classifier gives unregistered publishers low trust: a canonical report must not escape that by
        // naming its own source id, nor speak for a side by naming a party
        assertThat(out.source()).isEqualTo(new Source("unregistered/border-daily", "Border Daily", SourceKind.MEDIA,
                Party.UNKNOWN));
        assertThat(out.reportId()).isEqualTo(Uuids.reportId("unregistered/border-daily", "bd-1"));
        IncidentReport again = send(canonical("bd-2", new Source("unregistered/border-daily", "Border Daily",
                SourceKind.MEDIA, null), Stance.CLAIM)).published().get(0);
        assertThat(again.source().id()).as("not prefixed twice").isEqualTo("unregistered/border-daily");
        String longId = "x".repeat(100);
        assertThat(CanonicalNormalizer.unregistered(new Source(longId, null, SourceKind.OTHER, null)).id())
                .as("still within the schema's 100 characters").hasSize(100).startsWith("unregistered/xxx");
    }

    @Test
    void anUnknownSourceMayNotClaimARegisteredOnlyKindButMayBeAnNgo() {
        Rejection r = only(send(canonical("x-1", new Source("border-watchers", "Border watchers",
                SourceKind.INDEPENDENT_OBSERVER, Party.UNKNOWN), Stance.REFUTATION)));
        assertThat(r.reason()).isEqualTo(RejectReason.SOURCE_MISMATCH);
        assertThat(r.detail()).isEqualTo("$.source.kind: only a source in the registry may be INDEPENDENT_OBSERVER; "
                + "'border-watchers' is not in it (GET /api/v1/sources lists the registry)");
        assertThat(send(canonical("x-1", new Source("border-watchers", "Border watchers", SourceKind.NGO, null),
                Stance.REFUTATION)).published()).hasSize(1);
    }

    @Test
    void aCanonicalReportCannotTurnAMinistrysClaimIntoARefutationByCorrectingIt() {
        IncidentReport claim = pipeline.processRecord(InputFormat.STATEMENT, MOD_CLAIM.getBytes(StandardCharsets.UTF_8),
                "t").published().get(0);
        assertThat(claim.stance()).isEqualTo(Stance.CLAIM);
        IncidentReport takeover = canonical("hj-1", new Source("az-mod", "Ministry of Defence of Azerbaijan",
                SourceKind.PARTY_OFFICIAL, Party.AZ), Stance.REFUTATION);
        for (boolean dryRun : new boolean[] {true, false}) {
            Rejection r = only(pipeline.processBatch(InputFormat.CANONICAL, Json.writeBytes(takeover), "t", dryRun));
            assertThat(r.reason()).isEqualTo(RejectReason.CORRECTION_CONFLICT);
            assertThat(r.detail()).isEqualTo("stance: revision 1 of this report is a CLAIM, a correction may not make "
                    + "it a REFUTATION (send it under its own sourceRef)");
            assertThat(r.violations()).extracting(Violation::field).containsExactly("$.stance");
        }
        // a correction that keeps the stance is still a correction
        IncidentReport corrected = canonical("hj-1", new Source("az-mod", "MoD", SourceKind.PARTY_OFFICIAL, Party.AZ),
                Stance.CLAIM);
        Result ok = send(corrected);
        assertThat(ok.outcomes().get(0).disposition()).isEqualTo(Disposition.CORRECTION);
        assertThat(ok.published().get(0).revision()).isEqualTo(2);
        assertThat(ok.published().get(0).reportId()).isEqualTo(claim.reportId());
    }

    @Test
    void withKeepStanceOffAStanceMayChangeButNeverTheSource() {
        IngestPipeline lenient = IngestCore.create(Fixtures.GAZETTEER, Fixtures.SOURCES, IngestCore.DEFAULT_ZONE,
                IngestLimits.DEFAULTS, RuleLimits.DEFAULTS, new SourceRules(EnumSet.of(SourceKind.PARTY_OFFICIAL),
                        false), Duration.ofHours(24), 100, CLOCK, new SimpleMeterRegistry()).pipeline();
        Source ngo = new Source("watch-ngo", "Watch", SourceKind.NGO, Party.UNKNOWN);
        lenient.processRecord(InputFormat.CANONICAL, Json.writeBytes(canonical("w-1", ngo, Stance.CLAIM)), "t");
        Result flipped = lenient.processRecord(InputFormat.CANONICAL,
                Json.writeBytes(canonical("w-1", ngo, Stance.DENIAL)), "t");
        assertThat(flipped.outcomes().get(0).disposition()).isEqualTo(Disposition.CORRECTION);

        Source asMedia = new Source("watch-ngo", "Watch", SourceKind.MEDIA, Party.UNKNOWN);
        Rejection r = only(lenient.processRecord(InputFormat.CANONICAL,
                Json.writeBytes(canonical("w-1", asMedia, Stance.DENIAL)), "t"));
        assertThat(r.reason()).isEqualTo(RejectReason.CORRECTION_CONFLICT);
        assertThat(r.detail()).isEqualTo("source unregistered/watch-ngo was NGO/UNKNOWN in revision 2 of this report, now "
                + "MEDIA/UNKNOWN: a correction may not change its source");
        // only PARTY_OFFICIAL is registered-only here: an unknown observer is accepted
        assertThat(lenient.processRecord(InputFormat.CANONICAL, Json.writeBytes(canonical("w-2",
                new Source("watchers", "W", SourceKind.INDEPENDENT_OBSERVER, null), Stance.REFUTATION)), "t")
                .published()).hasSize(1);
    }

    @Test
    void anUnknownStanceOnEitherSideIsNoChange() {
        Source ngo = new Source("calm-ngo", "Calm", SourceKind.NGO, Party.UNKNOWN);
        send(canonical("c-1", ngo, Stance.UNKNOWN));
        assertThat(send(canonical("c-1", ngo, Stance.CLAIM)).outcomes().get(0).disposition())
                .isEqualTo(Disposition.CORRECTION);
        IncidentReport back = canonical("c-1", ngo, Stance.UNKNOWN);
        back = IncidentReport.builder().reportId(back.reportId()).sourceRef("c-1").source(ngo).stance(Stance.UNKNOWN)
                .location(Location.of(BorderSegment.TAVUSH)).publishedAt(back.publishedAt()).build();
        assertThat(send(back).outcomes().get(0).disposition()).isEqualTo(Disposition.CORRECTION);
    }

    @Test
    void aPartnerKeySendsCanonicalReportsOfRegistrySourcesOnlyWhenGrantedThem() {
        SourcePermission byDefault = new SourcePermission("desk", null);
        byte[] mod = Json.writeBytes(canonical("p-1", new Source("az-mod", "MoD", SourceKind.PARTY_OFFICIAL, Party.AZ),
                Stance.CLAIM));
        Rejection r = only(pipeline.processBatch(InputFormat.CANONICAL, mod, "http", false, byDefault));
        assertThat(r.reason()).isEqualTo(RejectReason.SOURCE_NOT_ALLOWED);
        assertThat(r.detail()).isEqualTo("partner 'desk' may not send canonical reports of source 'az-mod' (a "
                + "registered source: its key needs it listed in sources)");
        // its own sources it may send; a registry source's statement needs the grant as much as its canonical report
        byte[] own = Json.writeBytes(canonical("p-2", new Source("desk-notes", "Desk", SourceKind.NGO, null),
                Stance.CLAIM));
        assertThat(pipeline.processBatch(InputFormat.CANONICAL, own, "http", false, byDefault).published()).hasSize(1);
        Rejection statement = only(pipeline.processBatch(InputFormat.STATEMENT, MOD_CLAIM.replace("hj-1", "hj-2")
                .getBytes(StandardCharsets.UTF_8), "http", false, byDefault));
        assertThat(statement.reason()).isEqualTo(RejectReason.SOURCE_NOT_ALLOWED);
        assertThat(statement.detail()).isEqualTo("partner 'desk' may not send statement reports of source 'az-mod' "
                + "(a registered source: its key needs it listed in sources)");
        assertThat(pipeline.processBatch(InputFormat.STATEMENT, MOD_CLAIM.replace("hj-1", "hj-3")
                .replace("Ministry of Defence of Azerbaijan", "Border Villages Council").getBytes(StandardCharsets.UTF_8),
                "http", false, byDefault).published()).as("a publisher the registry does not know").hasSize(1);

        SourcePermission granted = new SourcePermission("mod-desk", Set.of("az-mod"));
        assertThat(pipeline.processBatch(InputFormat.CANONICAL, mod, "http", true, granted).published()).hasSize(1);
        Rejection notGranted = only(pipeline.processBatch(InputFormat.STATEMENT, MOD_CLAIM.replace("Ministry of "
                + "Defence of Azerbaijan", "EUMA").getBytes(StandardCharsets.UTF_8), "http", true, granted));
        assertThat(notGranted.reason()).isEqualTo(RejectReason.SOURCE_NOT_ALLOWED);
        assertThat(notGranted.detail()).endsWith("(its key's sources: az-mod)");
        assertThat(pipeline.processBatch(InputFormat.CANONICAL, mod, "http", true,
                new SourcePermission("all", Set.of("*"))).published()).hasSize(1);
        // a grant narrows the registry sources only: the key's own sources stay open
        byte[] ownToo = Json.writeBytes(canonical("p-4", new Source("desk-notes", "Desk", SourceKind.NGO, null),
                Stance.CLAIM));
        assertThat(pipeline.processBatch(InputFormat.CANONICAL, ownToo, "http", true, granted).published()).hasSize(1);
    }

    /** F2: a key with allow-unregistered false sends only the registry sources it was granted. */
    @Test
    void aKeyThatMayNotSendUnregisteredPublishersIsRefusedTheirReportsInEveryFormat() {
        SourcePermission registeredOnly = new SourcePermission("euma-desk", Set.of("euma"), false);
        byte[] blog = MOD_CLAIM.replace("hj-1", "un-1").replace("Ministry of Defence of Azerbaijan",
                "Border Villages Council").getBytes(StandardCharsets.UTF_8);
        Rejection statement = only(pipeline.processBatch(InputFormat.STATEMENT, blog, "http", true, registeredOnly));
        assertThat(statement.reason()).isEqualTo(RejectReason.SOURCE_NOT_ALLOWED);
        assertThat(statement.detail()).isEqualTo("partner 'euma-desk' may not send statement reports of publishers "
                + "the registry does not know (source 'unregistered/border-villages-council'; its key sets "
                + "allow-unregistered: false)");
        byte[] own = Json.writeBytes(canonical("un-2", new Source("desk-notes", "Desk", SourceKind.NGO, null),
                Stance.CLAIM));
        Rejection canonical = only(pipeline.processBatch(InputFormat.CANONICAL, own, "http", true, registeredOnly));
        assertThat(canonical.reason()).isEqualTo(RejectReason.SOURCE_NOT_ALLOWED);
        assertThat(canonical.detail()).contains("source 'unregistered/desk-notes'").contains("allow-unregistered: false");
        // its granted registry source still passes, and another registry source is refused as before
        assertThat(pipeline.processBatch(InputFormat.STATEMENT, MOD_CLAIM.replace("hj-1", "un-3")
                .replace("Ministry of Defence of Azerbaijan", "EUMA").getBytes(StandardCharsets.UTF_8), "http", true,
                registeredOnly).published()).hasSize(1);
        assertThat(only(pipeline.processBatch(InputFormat.STATEMENT, MOD_CLAIM.replace("hj-1", "un-4")
                .getBytes(StandardCharsets.UTF_8), "http", true, registeredOnly)).detail())
                .endsWith("(its key's sources: euma)");
        // the default (and every raw topic) keeps them open
        assertThat(pipeline.processBatch(InputFormat.STATEMENT, blog, "http", true,
                new SourcePermission("desk", null)).published()).hasSize(1);
        assertThat(SourcePermission.ANY.allows(InputFormat.STATEMENT, "unregistered/x", false)).isTrue();
        assertThat(SourcePermission.topic("raw.s", "x", Set.of("euma")).allows(InputFormat.STATEMENT,
                "unregistered/x", false)).isTrue();
    }

    @Test
    void aRawTopicWithAnAllowListCarriesOnlyItsRegistrySources() {
        byte[] mod = Json.writeBytes(canonical("t-1", new Source("az-mod", "MoD", SourceKind.PARTY_OFFICIAL, Party.AZ),
                Stance.CLAIM));
        SourcePermission euma = SourcePermission.topic("raw.c", "ingest.kafka.allowed-sources.canonical",
                Set.of("euma", "osce"));
        Rejection r = only(pipeline.processRecord(InputFormat.CANONICAL, mod, "raw.c", euma));
        assertThat(r.reason()).isEqualTo(RejectReason.SOURCE_NOT_ALLOWED);
        assertThat(r.detail()).isEqualTo("topic 'raw.c' may not carry canonical reports of source 'az-mod' "
                + "(ingest.kafka.allowed-sources.canonical: euma, osce)");
        assertThat(SourcePermission.topic("raw.c", "x", null)).isSameAs(SourcePermission.ANY);
        assertThat(pipeline.processRecord(InputFormat.CANONICAL, mod, "raw.c",
                SourcePermission.topic("raw.c", "x", Set.of())).published()).as("no list: any source").hasSize(1);
    }
}
