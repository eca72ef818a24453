package org.borderwatch.alert.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.Review;
import org.borderwatch.common.model.Signal;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Verdicts: {@code verdict_versions} keeps every assessment version (unique incidentId + version);
 * {@code verdicts} keeps the latest per incident with its queryable fields and the staff reviews. Both writes are
 * idempotent, so a redelivered assessment changes nothing.
 */
@Repository
public class VerdictStore implements InitializingBean {

    static final String LATEST = "verdicts";
    static final String VERSIONS = "verdict_versions";

    private final MongoTemplate mongo;

    public VerdictStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        Mongo.index(versions(), Indexes.ascending("incidentId", "version"), true, "incident_version");
        Mongo.index(latest(), Indexes.descending("from"), false, "from");
        Mongo.index(latest(), Indexes.ascending("segment", "from"), false, "segment_from");
        Mongo.index(latest(), Indexes.ascending("occurrence"), false, "occurrence");
        Mongo.index(latest(), Indexes.ascending("effectiveOccurrence"), false, "effective_occurrence");
        Mongo.index(latest(), Indexes.ascending("severity"), false, "severity");
        Mongo.index(latest(), Indexes.ascending("signals"), false, "signals");
        // the event-time range: from <= to-parameter uses "from", to >= from-parameter this one
        Mongo.index(latest(), Indexes.ascending("to"), false, "to");
        backfillEffective();
    }

    /**
     * Verdicts stored before {@code effectiveOccurrence} existed get it (and {@code effectiveAttribution}) once, at
     * start-up; afterwards every write keeps them in step.
     */
    private void backfillEffective() {
        latest().find(Filters.exists("effectiveOccurrence", false)).forEach(d -> {
            StoredVerdict v = toVerdict(d);
            Review r = v.review();
            Assessment a = v.latest();
            latest().updateOne(Filters.and(Filters.eq("_id", d.get("_id")),
                            Filters.exists("effectiveOccurrence", false)),
                    Updates.combine(
                            Updates.set("attribution", name(a.attribution())),
                            Updates.set("reviewAttribution", r == null ? null : name(r.attribution())),
                            Updates.set("effectiveOccurrence", (r == null ? a.occurrence() : r.occurrence()).name()),
                            Updates.set("effectiveAttribution", name(r == null || r.attribution() == null
                                    ? a.attribution() : r.attribution()))));
        });
    }

    /** A stored verdict: the machine's latest version and the people's reviews (latest first). */
    public record StoredVerdict(Assessment latest, List<Review> reviews, Instant receivedAt) {
        public Review review() {
            return reviews.isEmpty() ? null : reviews.get(0);
        }
    }

    /**
     * Query of the latest verdicts; null fields do not filter. {@code occurrence} is the effective occurrence: the
     * latest review's when there is one, else the machine's (as subscription filters see it).
     */
    /**
     * A verdict query: each set is "any of these" and null means no filter on that field (an empty set matches
     * nothing); {@code signals} matches a verdict carrying at least one of them; {@code from}/{@code to} keep the
     * verdicts whose event-time window overlaps them.
     */
    public record VerdictQuery(Set<String> segments, Set<String> occurrences, Set<String> severities,
                               Set<String> signals, Instant from, Instant to, int page, int size) {
    }

    /** Stores a version; returns false when it was stored before. */
    public boolean save(Assessment a, Instant receivedAt) {
        String json = Json.write(a);
        boolean fresh = Mongo.insertIfAbsent(versions(), new Document("_id", a.incidentId() + ":" + a.version())
                .append("incidentId", a.incidentId().toString())
                .append("version", a.version())
                .append("receivedAt", Mongo.date(receivedAt))
                .append("assessment", json));
        Bson newer = Filters.and(Filters.eq("_id", a.incidentId().toString()), Filters.lt("version", a.version()));
        try {
            latest().updateOne(newer, Updates.combine(
                    Updates.set("version", a.version()),
                    Updates.set("segment", a.segment().name()),
                    Updates.set("occurrence", a.occurrence().name()),
                    Updates.set("attribution", name(a.attribution())),
                    Updates.set("severity", a.severity().name()),
                    Updates.set("severityRank", a.severity().ordinal()),
                    Updates.set("signals", a.signals().stream().map(Signal::type).map(Enum::name).toList()),
                    Updates.set("from", a.window() == null ? null : Mongo.date(a.window().from().toInstant())),
                    Updates.set("to", a.window() == null ? null : Mongo.date(a.window().to().toInstant())),
                    Updates.set("closed", a.closed()),
                    Updates.set("receivedAt", Mongo.date(receivedAt)),
                    Updates.set("assessment", json),
                    Updates.setOnInsert("reviews", List.of())), new UpdateOptions().upsert(true));
        } catch (RuntimeException e) {
            if (!Mongo.isDuplicateKey(e)) {
                throw e; // a newer version is stored already: the upsert found no match and could not insert
            }
        }
        // the effective verdict follows the machine where no person has spoken: unreviewed, the occurrence and the
        // attribution; reviewed without an attribution, the attribution. Conditional on the stored version and the
        // review fields, so a review written meanwhile is never overwritten; both in one round trip.
        Bson thisVersion = Filters.and(Filters.eq("_id", a.incidentId().toString()), Filters.eq("version", a.version()));
        latest().bulkWrite(List.of(
                new UpdateOneModel<>(Filters.and(thisVersion, Filters.exists("reviewOccurrence", false)),
                        Updates.combine(Updates.set("effectiveOccurrence", a.occurrence().name()),
                                Updates.set("effectiveAttribution", name(a.attribution())))),
                new UpdateOneModel<>(Filters.and(thisVersion, Filters.exists("reviewOccurrence", true),
                        Filters.eq("reviewAttribution", null)),
                        Updates.set("effectiveAttribution", name(a.attribution())))),
                new BulkWriteOptions().ordered(false));
        return fresh;
    }

    public Optional<StoredVerdict> find(UUID incidentId) {
        Document d = latest().find(Filters.eq("_id", incidentId.toString())).first();
        return Optional.ofNullable(d).map(VerdictStore::toVerdict);
    }

    public List<Assessment> history(UUID incidentId) {
        List<Assessment> out = new ArrayList<>();
        versions().find(Filters.eq("incidentId", incidentId.toString())).sort(Sorts.ascending("version"))
                .forEach(d -> out.add(Json.read(d.getString("assessment"), Assessment.class)));
        return out;
    }

    public List<StoredVerdict> list(VerdictQuery q) {
        List<StoredVerdict> out = new ArrayList<>();
        latest().find(filter(q)).sort(Sorts.orderBy(Sorts.descending("from"), Sorts.ascending("_id")))
                .skip((int) Math.min(Integer.MAX_VALUE, (long) q.page() * q.size())).limit(q.size())
                .forEach(d -> out.add(toVerdict(d)));
        return out;
    }

    /** How many verdicts the query matches over all pages. */
    public long count(VerdictQuery q) {
        return latest().countDocuments(filter(q));
    }

    private static Bson filter(VerdictQuery q) {
        List<Bson> filters = new ArrayList<>();
        if (q.segments() != null) {
            filters.add(Filters.in("segment", q.segments()));
        }
        if (q.occurrences() != null) {
            filters.add(Filters.in("effectiveOccurrence", q.occurrences()));
        }
        if (q.severities() != null) {
            filters.add(Filters.in("severity", q.severities()));
        }
        if (q.signals() != null) {
            filters.add(Filters.in("signals", q.signals()));
        }
        if (q.from() != null) {
            filters.add(Filters.gte("to", Mongo.date(q.from())));
        }
        if (q.to() != null) {
            filters.add(Filters.lte("from", Mongo.date(q.to())));
        }
        return filters.isEmpty() ? new Document() : Filters.and(filters);
    }

    /** Records a review beside the machine's verdict, newest first. */
    public boolean addReview(UUID incidentId, Review review) {
        Document r = new Document("json", Json.write(review));
        Document d = latest().find(Filters.eq("_id", incidentId.toString())).first();
        if (d == null) {
            return false;
        }
        List<Document> reviews = new ArrayList<>();
        reviews.add(r);
        reviews.addAll(d.getList("reviews", Document.class, List.of()));
        Attribution machine = toVerdict(d).latest().attribution();
        latest().updateOne(Filters.eq("_id", incidentId.toString()), Updates.combine(
                Updates.set("reviews", reviews),
                Updates.set("reviewOccurrence", review.occurrence().name()),
                Updates.set("reviewAttribution", name(review.attribution())),
                Updates.set("effectiveOccurrence", review.occurrence().name()),
                Updates.set("effectiveAttribution",
                        name(review.attribution() == null ? machine : review.attribution()))));
        return true;
    }

    private static StoredVerdict toVerdict(Document d) {
        List<Review> reviews = d.getList("reviews", Document.class, List.of()).stream()
                .map(r -> Json.read(r.getString("json"), Review.class)).toList();
        return new StoredVerdict(Json.read(d.getString("assessment"), Assessment.class), reviews,
                Mongo.instant(d, "receivedAt"));
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private MongoCollection<Document> latest() {
        return mongo.getCollection(LATEST);
    }

    private MongoCollection<Document> versions() {
        return mongo.getCollection(VERSIONS);
    }
}
