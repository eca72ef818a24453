package org.borderwatch.ingest.canonical;

import org.borderwatch.common.Uuids;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.json.JsonReadException;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Source;
import org.borderwatch.common.schema.JsonSchemas;
import org.borderwatch.ingest.pipeline.ContentHash;
import org.borderwatch.ingest.pipeline.InputFormat;
import org.borderwatch.ingest.pipeline.RejectReason;
import org.borderwatch.ingest.pipeline.RejectedInputException;
import org.borderwatch.ingest.pipeline.ReportNormalizer;
import org.borderwatch.ingest.pipeline.SourceRules;
import org.borderwatch.ingest.pipeline.Violation;
import org.borderwatch.ingest.source.RegisteredSource;
import org.borderwatch.ingest.source.SourceRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The {@code canonical} format: already an {@code IncidentReport}. It is checked against {@code common}'s
 * {@code canonical-input.schema.json} (the report schema with {@code reportId} optional; a rejection names it) and
 * its source against the registry; the report id is recomputed from the source id and sourceRef (or the content) so
 * that the same report always has the same id whoever sends it; {@code receivedAt} is set by ingest, and {@code revision} by the
 * de-duplicator. So {@code reportId}, {@code receivedAt} and {@code revision} may be left out of the input.
 */
public final class CanonicalNormalizer implements ReportNormalizer {

    /**
     * The id a report carries while ingest computes its own (read before it is known, and in the content hash, so
     * that the id a partner sent, or none, changes nothing).
     */
    private static final UUID NEUTRAL_ID = new UUID(0, 0);

    /** The longest source id the report schema allows. */
    private static final int MAX_SOURCE_ID = 100;
    private final SourceRegistry registry;
    private final SourceRules rules;

    /** Without a registry: no source checks (tests of the schema path only). */
    public CanonicalNormalizer() {
        this(new SourceRegistry(List.of()), new SourceRules(Set.of(), true));
    }

    public CanonicalNormalizer(SourceRegistry registry, SourceRules rules) {
        this.registry = registry;
        this.rules = rules;
    }

    @Override
    public InputFormat format() {
        return InputFormat.CANONICAL;
    }

    @Override
    public IncidentReport normalize(byte[] record, OffsetDateTime receivedAt) {
        JsonNode tree;
        try {
            tree = Json.tree(record);
        } catch (JsonReadException e) {
            throw new RejectedInputException(RejectReason.MALFORMED, e.getMessage());
        }
        // what a partner sends: reportId, receivedAt and revision may be left out (ingest computes them), and a
        // rejection names this schema, the one a partner can validate against itself
        String json = new String(record, StandardCharsets.UTF_8);
        List<Violation> violations = JsonSchemas.validate(JsonSchemas.CANONICAL_INPUT, json).stream()
                .map(v -> Violation.fromSchema(v.path(), v.message()))
                .toList();
        if (!violations.isEmpty()) {
            throw RejectedInputException.violations(violations, JsonSchemas.CANONICAL_INPUT);
        }
        if (!tree.has("reportId") || tree.get("reportId").isNull()) {
            // the record requires an id: the neutral one until the computed id replaces it below
            ObjectNode filled = (ObjectNode) tree.deepCopy();
            filled.put("reportId", NEUTRAL_ID.toString());
            tree = filled;
            record = Json.mapper().writeValueAsBytes(filled);
        }
        byte[] readable = CanonicalTimes.check(tree, record);
        IncidentReport report;
        try {
            report = Json.read(readable, IncidentReport.class);
        } catch (JsonReadException e) {
            Violation v = CanonicalTimes.unreadable(e);
            throw new RejectedInputException(RejectReason.SCHEMA_VIOLATION, v.toString(), List.of(v));
        }
        report = withSource(report, checkedSource(report.source()));
        String ref = report.sourceRef() != null ? report.sourceRef() : contentHash(report);
        UUID id = Uuids.reportId(report.source().id(), ref);
        return withId(report, id).withReceivedAt(receivedAt);
    }

    /**
     * The source as the registry knows it. The report id is derived from the source id, so a report naming a
     * registry source speaks for it: its kind and party must be the registry's (a report of "az-mod" as an
     * independent observer of the EU would otherwise take over, as a correction, the ministry's report with the same
     * sourceRef). A source the registry does not know may not claim a kind only registered sources have.
     */
    private Source checkedSource(Source claimed) {
        Optional<RegisteredSource> known = registry.byId(claimed.id());
        if (known.isPresent()) {
            RegisteredSource r = known.get();
            List<Violation> bad = new ArrayList<>();
            if (claimed.kind() != r.kind()) {
                bad.add(new Violation("$.source.kind", "source " + r.id() + " is " + r.kind()
                        + " in the source registry, not " + claimed.kind()));
            }
            if (claimed.party() != r.party() && claimed.party() != Party.UNKNOWN) { // absent: the registry's
                bad.add(new Violation("$.source.party", "source " + r.id() + " is of party " + r.party()
                        + " in the source registry, not " + claimed.party()));
            }
            if (!bad.isEmpty()) {
                throw new RejectedInputException(RejectReason.SOURCE_MISMATCH,
                        bad.stream().map(Violation::toString).collect(Collectors.joining("; ")), bad);
            }
            return r.toSource();
        }
        if (rules.registeredKinds().contains(claimed.kind())) {
            Violation v = new Violation("$.source.kind", "only a source in the registry may be " + claimed.kind()
                    + "; '" + claimed.id() + "' is not in it (GET /api/v1/sources lists the registry)");
            throw new RejectedInputException(RejectReason.SOURCE_MISMATCH, v.toString(), List.of(v));
        }
        return unregistered(claimed);
    }

    /**
     * A publisher the registry does not know is published as such, whatever format it came in: id
     * {@code unregistered/<its id>}, party UNKNOWN (a partner cannot make its own publisher speak for a side), its
     * kind and name kept. The classifier gives such reports low trust (they alone raise no HIGH incident and no
     * counted casualties), as it does for a statement of an unknown publisher.
     */
    static Source unregistered(Source claimed) {
        String id = claimed.id();
        if (!id.startsWith(SourceRegistry.UNREGISTERED_PREFIX)) {
            int room = MAX_SOURCE_ID - SourceRegistry.UNREGISTERED_PREFIX.length();
            id = SourceRegistry.UNREGISTERED_PREFIX + (id.length() > room ? id.substring(0, room) : id);
        }
        return new Source(id, claimed.name() == null || claimed.name().isBlank() ? claimed.id() : claimed.name(),
                claimed.kind(), Party.UNKNOWN);
    }

    private static String contentHash(IncidentReport report) {
        IncidentReport neutral = withId(report, NEUTRAL_ID).withReceivedAt(null).withRevision(1);
        return ContentHash.sha256(Json.write(neutral));
    }

    private static IncidentReport withId(IncidentReport r, UUID id) {
        return copy(r, id, r.source());
    }

    private static IncidentReport withSource(IncidentReport r, Source source) {
        return source.equals(r.source()) ? r : copy(r, r.reportId(), source);
    }

    private static IncidentReport copy(IncidentReport r, UUID id, Source source) {
        return new IncidentReport(r.schemaVersion(), id, r.sourceRef(), r.revision(), source, r.stance(),
                r.actingParty(), r.eventTypes(), r.location(), r.occurredAt(), r.occurredUntil(), r.timePrecision(),
                r.publishedAt(), r.receivedAt(), r.casualties(), r.answers(), r.coverage(), r.retaliation(),
                r.text(), r.language(), r.url());
    }
}
