package org.borderwatch.alert.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.borderwatch.alert.routing.Channel;
import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.alert.routing.DeliveryMode;
import org.borderwatch.alert.routing.Subscription;
import org.borderwatch.alert.routing.SubscriptionFilter;
import org.borderwatch.alert.secrets.SecretCipher;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

/**
 * The {@code subscriptions} collection. A webhook's secret is stored sealed ({@link SecretCipher}, AES-256-GCM bound
 * to the subscription's id) in {@code channel.secretSealed}, never in clear; documents written before that carry
 * {@code channel.secret} in clear: they are read as they are and sealed by the start-up pass.
 */
@Repository
public class SubscriptionStore implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionStore.class);

    static final String SUBSCRIPTIONS = "subscriptions";
    /** The sealed secret. */
    static final String SEALED = "secretSealed";
    /** The clear secret of documents written before secrets were sealed. */
    static final String CLEAR = "secret";

    private final MongoTemplate mongo;
    private final SecretCipher cipher;

    public SubscriptionStore(MongoTemplate mongo, SecretCipher cipher) {
        this.mongo = mongo;
        this.cipher = cipher;
    }

    @Override
    public void afterPropertiesSet() {
        Mongo.index(subscriptions(), Indexes.ascending("owner"), false, "owner");
        SealingPass pass = sealStoredSecrets();
        if (pass.sealed() + pass.resealed() > 0) {
            log.info("webhook secrets at rest: {} stored in clear sealed, {} re-sealed with key {}", pass.sealed(),
                    pass.resealed(), cipher.keyId());
        }
    }

    /** What a sealing pass did: clear secrets sealed, secrets of a previous key sealed again with the current one. */
    public record SealingPass(int sealed, int resealed) {
    }

    /**
     * Seals every secret still stored in clear and re-seals those sealed with a previous key (each document updated
     * only if its value is still the one read, so a concurrent change wins). Runs at start-up.
     *
     * @throws IllegalStateException when a stored secret was sealed with a key that is not configured: the service
     *                               could not sign those webhooks, so it does not start
     */
    public SealingPass sealStoredSecrets() {
        int sealed = 0;
        int resealed = 0;
        java.util.Map<String, Integer> unknownKeys = new java.util.TreeMap<>();
        for (Document d : subscriptions().find(Filters.or(Filters.ne("channel." + CLEAR, null),
                Filters.ne("channel." + SEALED, null)))) {
            String id = d.getString("_id");
            Document c = d.get("channel", Document.class);
            String clear = c.getString(CLEAR);
            String stored = c.getString(SEALED);
            if (clear != null) {
                long n = subscriptions().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("channel." + CLEAR, clear)),
                        Updates.combine(Updates.set("channel." + SEALED, cipher.seal(clear, id)),
                                Updates.unset("channel." + CLEAR))).getModifiedCount();
                sealed += (int) n;
            } else if (stored != null && !SecretCipher.keyIdOf(stored).equals(cipher.keyId())) {
                if (!cipher.canOpen(stored)) {
                    unknownKeys.merge(SecretCipher.keyIdOf(stored), 1, Integer::sum);
                    continue;
                }
                String again = cipher.seal(cipher.open(stored, id), id);
                long n = subscriptions().updateOne(Filters.and(Filters.eq("_id", id),
                        Filters.eq("channel." + SEALED, stored)), Updates.set("channel." + SEALED, again))
                        .getModifiedCount();
                resealed += (int) n;
            }
        }
        if (!unknownKeys.isEmpty()) {
            throw new IllegalStateException("webhook secrets of " + unknownKeys.values().stream().mapToInt(i -> i).sum()
                    + " subscription(s) were sealed with key(s) " + unknownKeys.keySet() + ", which is neither "
                    + "alert.secrets.key (" + cipher.keyId() + ") nor one of alert.secrets.previous-keys: configure "
                    + "the key they were sealed with (as alert.secrets.key or in previous-keys)");
        }
        return new SealingPass(sealed, resealed);
    }

    public void save(Subscription s) {
        Channel c = s.channel();
        SubscriptionFilter f = s.filter();
        Document doc = new Document("_id", s.id())
                .append("name", s.name())
                .append("owner", s.owner())
                .append("channel", new Document("type", c.type().name()).append("url", c.url())
                        .append("address", c.address()).append("topic", c.topic())
                        .append(SEALED, c.secret() == null ? null : cipher.seal(c.secret(), s.id()))
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
                .map(this::toSubscription);
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

    private Subscription toSubscription(Document d) {
        Document c = d.get("channel", Document.class);
        Document f = d.get("filter", Document.class);
        ChannelType type = ChannelType.valueOf(c.getString("type"));
        // subscriptions stored before the rule carry "json" on every channel: the format is a webhook matter
        Channel channel = new Channel(type, c.getString("url"), c.getString("address"), c.getString("topic"),
                secret(d.getString("_id"), c), type == ChannelType.WEBHOOK ? c.getString("format") : null);
        SubscriptionFilter filter = new SubscriptionFilter(enums(f, "segments", BorderSegment::valueOf),
                Severity.valueOf(f.getString("minSeverity")), enums(f, "signals", SignalType::valueOf),
                enums(f, "occurrences", Occurrence::valueOf));
        Number digest = (Number) d.get("digestIntervalMs");
        Number groupWait = (Number) d.get("groupWaitMs");
        return new Subscription(d.getString("_id"), d.getString("name"), d.getString("owner"), channel, filter,
                DeliveryMode.valueOf(d.getString("mode")), digest == null ? null : Duration.ofMillis(digest.longValue()),
                groupWait == null ? null : Duration.ofMillis(groupWait.longValue()), Mongo.instant(d, "createdAt"));
    }

    /** The secret: opened from its sealed form, or as stored in clear by an earlier version (sealed at start-up). */
    private String secret(String id, Document channel) {
        String sealed = channel.getString(SEALED);
        if (sealed != null) {
            try {
                return cipher.open(sealed, id);
            } catch (SecretCipher.SecretUnreadableException e) {
                throw new IllegalStateException("the webhook secret of subscription " + id + " cannot be read: "
                        + e.getMessage(), e);
            }
        }
        return channel.getString(CLEAR);
    }

    private MongoCollection<Document> subscriptions() {
        return mongo.getCollection(SUBSCRIPTIONS);
    }
}
