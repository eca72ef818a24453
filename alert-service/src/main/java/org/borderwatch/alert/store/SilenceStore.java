package org.borderwatch.alert.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.borderwatch.alert.silence.Silence;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.SignalType;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code silences} collection; ended silences are purged by the expiry job after the retention period. */
@Repository
public class SilenceStore implements InitializingBean {

    static final String SILENCES = "silences";
    private final MongoTemplate mongo;

    public SilenceStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        Mongo.index(silences(), Indexes.ascending("endsAt"), false, "endsAt");
    }

    public void save(Silence s) {
        silences().insertOne(new Document("_id", s.id())
                .append("segments", s.segments().stream().map(Enum::name).sorted().toList())
                .append("signals", s.signals().stream().map(Enum::name).sorted().toList())
                .append("sources", s.sources().stream().sorted().toList())
                .append("startsAt", Mongo.date(s.startsAt()))
                .append("endsAt", Mongo.date(s.endsAt()))
                .append("author", s.author())
                .append("reason", s.reason())
                .append("createdAt", Mongo.date(s.createdAt()))
                .append("mutesCritical", s.mutesCritical()));
    }

    /** Silences that have not ended yet (they may start later). */
    public List<Silence> notEnded(Instant now) {
        List<Silence> out = new ArrayList<>();
        silences().find(Filters.gt("endsAt", Mongo.date(now))).sort(Sorts.ascending("startsAt"))
                .forEach(d -> out.add(toSilence(d)));
        return out;
    }

    /** Whether a silence ended in {@code (after, upTo]} (by its time, or deleted: deleting sets its end to now). */
    public boolean anyEndedBetween(Instant after, Instant upTo) {
        return silences().find(Filters.and(Filters.gt("endsAt", Mongo.date(after)),
                Filters.lte("endsAt", Mongo.date(upTo)))).limit(1).first() != null;
    }

    public List<Silence> all() {
        List<Silence> out = new ArrayList<>();
        silences().find().sort(Sorts.descending("createdAt")).forEach(d -> out.add(toSilence(d)));
        return out;
    }

    public Optional<Silence> find(String id) {
        return Optional.ofNullable(silences().find(Filters.eq("_id", id)).first()).map(SilenceStore::toSilence);
    }

    /**
     * Ends a silence now, recording who ended it ({@code endedBy}, {@code endedAt}); kept for the audit until the
     * expiry job purges it. False when it had ended already (ran out, or ended by someone else): nothing changes.
     */
    public boolean expire(String id, Instant now, String by) {
        return silences().updateOne(Filters.and(Filters.eq("_id", id), Filters.gt("endsAt", Mongo.date(now))),
                Updates.combine(Updates.set("endsAt", Mongo.date(now)), Updates.set("endedBy", by),
                        Updates.set("endedAt", Mongo.date(now)))).getMatchedCount() == 1;
    }

    public long purgeEndedBefore(Instant cutoff) {
        return silences().deleteMany(Filters.lt("endsAt", Mongo.date(cutoff))).getDeletedCount();
    }

    private static Silence toSilence(Document d) {
        return new Silence(d.getString("_id"),
                d.getList("segments", String.class, List.of()).stream().map(BorderSegment::valueOf)
                        .collect(Collectors.toSet()),
                d.getList("signals", String.class, List.of()).stream().map(SignalType::valueOf)
                        .collect(Collectors.toSet()),
                Set(d.getList("sources", String.class, List.of())),
                Mongo.instant(d, "startsAt"), Mongo.instant(d, "endsAt"), d.getString("author"),
                d.getString("reason"), Mongo.instant(d, "createdAt"),
                // stored before the rule: mutes no CRITICAL message (the safe side: such a message is sent)
                Boolean.TRUE.equals(d.getBoolean("mutesCritical")),
                d.getString("endedBy"), Mongo.instant(d, "endedAt"));
    }

    private static java.util.Set<String> Set(List<String> list) {
        return java.util.Set.copyOf(list);
    }

    private MongoCollection<Document> silences() {
        return mongo.getCollection(SILENCES);
    }
}
