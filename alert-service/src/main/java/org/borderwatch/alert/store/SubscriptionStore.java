package org.borderwatch.alert.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.borderwatch.alert.routing.Channel;
import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.alert.routing.DeliveryMode;
import org.borderwatch.alert.routing.Subscription;
import org.borderwatch.alert.routing.SubscriptionFilter;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The {@code subscriptions} collection. */
@Repository
public class SubscriptionStore implements InitializingBean {

    static final String SUBSCRIPTIONS = "subscriptions";
    private final MongoTemplate mongo;

    public SubscriptionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        Mongo.index(subscriptions(), Indexes.ascending("owner"), false, "owner");
    }

    public void save(Subscription s) {
        Channel c = s.channel();
        SubscriptionFilter f = s.filter();
        Document doc = new Document("_id", s.id())
                .append("name", s.name())
                .append("owner", s.owner())
                .append("channel", new Document("type", c.type().name()).append("url", c.url())
                        .append("address", c.address()).append("topic", c.topic()).append("secret", c.secret())
                        .append("format", c.format()))
                .append("filter", new Document("segments", names(f.segments()))
                        .append("minSeverity", f.minSeverity().name())
                        .append("signals", names(f.signals()))
                        .append("occurrences", names(f.occurrences())))
                .append("mode", s.mode().name())
                .append("digestIntervalMs", s.digestInterval() == null ? null : s.digestInterval().toMillis())
                .append("groupWaitMs", s.groupWait() == null ? null : s.groupWait().toMillis())
                .append("createdAt", Mongo.date(s.createdAt()));
        subscriptions().replaceOne(Filters.eq("_id", s.id()), doc,
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(subscriptions().find(Filters.eq("_id", id)).first())
                .map(SubscriptionStore::toSubscription);
    }

    public List<Subscription> all() {
        List<Subscription> out = new ArrayList<>();
        subscriptions().find().sort(Sorts.ascending("createdAt", "_id"))
                .forEach(d -> out.add(toSubscription(d)));
        return out;
    }

    public List<Subscription> byOwner(String owner) {
        List<Subscription> out = new ArrayList<>();
        subscriptions().find(Filters.eq("owner", owner)).sort(Sorts.ascending("createdAt", "_id"))
                .forEach(d -> out.add(toSubscription(d)));
        return out;
    }

    public boolean delete(String id) {
        return subscriptions().deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
    }

    private static List<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }

    private static <E extends Enum<E>> Set<E> enums(Document d, String field, Function<String, E> parse) {
        return d.getList(field, String.class, List.of()).stream().map(parse).collect(Collectors.toSet());
    }

    static Subscription toSubscription(Document d) {
        Document c = d.get("channel", Document.class);
        Document f = d.get("filter", Document.class);
        ChannelType type = ChannelType.valueOf(c.getString("type"));
        // subscriptions stored before the rule carry "json" on every channel: the format is a webhook matter
        Channel channel = new Channel(type, c.getString("url"), c.getString("address"), c.getString("topic"),
                c.getString("secret"), type == ChannelType.WEBHOOK ? c.getString("format") : null);
        SubscriptionFilter filter = new SubscriptionFilter(enums(f, "segments", BorderSegment::valueOf),
                Severity.valueOf(f.getString("minSeverity")), enums(f, "signals", SignalType::valueOf),
                enums(f, "occurrences", Occurrence::valueOf));
        Number digest = (Number) d.get("digestIntervalMs");
        Number groupWait = (Number) d.get("groupWaitMs");
        return new Subscription(d.getString("_id"), d.getString("name"), d.getString("owner"), channel, filter,
                DeliveryMode.valueOf(d.getString("mode")), digest == null ? null : Duration.ofMillis(digest.longValue()),
                groupWait == null ? null : Duration.ofMillis(groupWait.longValue()), Mongo.instant(d, "createdAt"));
    }

    private MongoCollection<Document> subscriptions() {
        return mongo.getCollection(SUBSCRIPTIONS);
    }
}
