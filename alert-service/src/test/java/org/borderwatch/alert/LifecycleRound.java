package org.borderwatch.alert;

import com.mongodb.client.MongoClient;
import org.borderwatch.alert.delivery.stream.AlertStreamHub;
import org.borderwatch.alert.dispatch.AlertDispatcher;
import org.borderwatch.alert.inhibit.InhibitionRule;
import org.borderwatch.alert.inhibit.Inhibitor;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.lifecycle.LifecycleSettings;
import org.borderwatch.alert.routing.Channel;
import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.alert.routing.DeliveryMode;
import org.borderwatch.alert.routing.Subscription;
import org.borderwatch.alert.routing.SubscriptionFilter;
import org.borderwatch.alert.secrets.SecretCipher;
import org.borderwatch.alert.silence.Silence;
import org.borderwatch.alert.silence.SilenceRequest;
import org.borderwatch.alert.silence.Silences;
import org.borderwatch.alert.store.AlertStore;
import org.borderwatch.alert.store.DeliveryStore;
import org.borderwatch.alert.store.SilenceStore;
import org.borderwatch.alert.store.StreamLogStore;
import org.borderwatch.alert.store.SubscriptionStore;
import org.borderwatch.alert.store.VerdictStore;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Review;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.model.TimeWindow;
import org.borderwatch.testkit.MutableClock;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A round of alert-lifecycle scenarios (a JSON file under {@code rounds/}): subscriptions, then steps at the
 * service's wall-clock time {@code at} — assessment versions, silences and their end, staff reviews, time passing —
 * and, per subscription, the messages it is to be sent, in order, and nothing else.
 *
 * <p>{@link #run} plays one scenario through the service's real pipeline — {@link AlertDispatcher} with its
 * lifecycle, inhibition, silences, routing, grouping/digest keys and outbox — on the testkit's MongoDB-wire store,
 * in a database of its own (so neither other tests' incidents nor the shared context's periodic jobs touch it), with
 * the scenario's lifecycle settings (repeat interval and severity, inhibition rules; unset, the service's defaults)
 * and its own {@link MutableClock}. The periodic jobs (repeat, release of held-back alerts, outbox relay) run as the
 * service's scheduler runs them — all the time — so every {@link #JOB_PERIOD} of scenario time between the steps
 * and at every step's {@code at}, before the step ({@code timePasses} steps only let time pass); a silence ended by
 * a person wakes a release pass at once, as {@code DELETE /api/v1/silences/{id}} does. What each subscription is
 * sent is read from the {@code deliveries} outbox rows (the copy made for that subscription, with its leave-notice
 * mark), in the order they were written.
 */
public final class LifecycleRound {

    /** The service's defaults (README, Configuration), for scenarios without a {@code config}. */
    static final Duration DEFAULT_REPEAT = Duration.ofHours(4);
    static final Severity DEFAULT_REPEAT_MIN = Severity.HIGH;
    /**
     * How often the periodic jobs run in scenario time (the service checks every {@code alert.lifecycle.repeat-check},
     * 1 min by default; 5 min keeps a day-long scenario to a few hundred passes, and no scenario step depends on a
     * job running within 5 minutes).
     */
    static final Duration JOB_PERIOD = Duration.ofMinutes(5);

    /** What the shared context gives a round: its store client, beans with no state of their own, settings. */
    public record Beans(MongoClient mongo, SecretCipher cipher, AlertStreamHub hub, AlertMetrics metrics,
                        AlertProperties properties) {
    }

    /** One scenario as written. */
    public record Scenario(String id, String title, JsonNode json) {
        @Override
        public String toString() {
            return id + " " + title;
        }
    }

    private LifecycleRound() {
    }

    /** The scenarios of a round file on the test classpath. */
    public static List<Scenario> load(String resource) {
        try (InputStream in = LifecycleRound.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no round " + resource);
            }
            JsonNode root = Json.tree(in.readAllBytes());
            List<Scenario> out = new ArrayList<>();
            root.forEach(s -> out.add(new Scenario(s.get("id").asString(), s.get("title").asString(), s)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The expected messages of a scenario, one line per message, per subscription (in the scenario's order). */
    public static Map<String, List<String>> expected(Scenario scenario) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        scenario.json().get("subscriptions").forEach(s -> out.put(s.get("name").asString(), new ArrayList<>()));
        scenario.json().get("expected").forEach(e -> out.get(e.get("to").asString()).add(line(
                e.get("event").asString(), e.get("incident").asString(), e.get("assessmentVersion").asLong(),
                e.get("severity").asString(), e.get("occurrence").asString(),
                e.has("lastWord") && e.get("lastWord").asBoolean(),
                e.has("digestAt") ? OffsetDateTime.parse(e.get("digestAt").asString()).toInstant() : null)));
        return out;
    }

    /**
     * One message as a line; {@code digestAt}, for a digest subscription, is the tick whose digest carries it (the
     * outbox row's {@code notBefore}).
     */
    static String line(String event, String incident, long version, String severity, String occurrence,
                       boolean lastWord, Instant digestAt) {
        return event + " " + incident + " v" + version + " " + severity + " " + occurrence
                + (lastWord ? " (last word)" : "") + (digestAt == null ? "" : " in the digest of " + digestAt);
    }

    /**
     * Plays the scenario and answers what each subscription is sent, one line per message in the form of
     * {@link #expected}.
     */
    public static Map<String, List<String>> run(Scenario scenario, Beans beans) {
        JsonNode json = scenario.json();
        String database = "round-" + scenario.id() + "-" + UUID.randomUUID().toString().substring(0, 8);
        MongoTemplate mongo = new MongoTemplate(beans.mongo(), database);
        try {
            return new Play(scenario, json, mongo, beans).run();
        } finally {
            mongo.getDb().drop();
        }
    }

    /**
     * The service's pipeline on a database of its own: the real {@link AlertDispatcher} with its lifecycle,
     * inhibition, silences and stores (indexes created as at start-up), driven by {@code clock} and the given
     * settings.
     */
    public record Pipeline(AlertDispatcher dispatcher, AlertStore alerts, SubscriptionStore subscriptions,
                           SilenceStore silenceStore, Silences silences) {
    }

    /** Builds the {@link Pipeline} on {@code mongo}'s database. */
    public static Pipeline pipeline(MongoTemplate mongo, MutableClock clock, AlertProperties p, Beans beans) {
        AlertLifecycle lifecycle = new AlertLifecycle(clock, new LifecycleSettings(
                p.lifecycle().repeatInterval(), p.lifecycle().repeatMinSeverity(), p.publicBaseUrl()));
        Inhibitor inhibitor = new Inhibitor(p.inhibition().stream()
                .map(r -> new InhibitionRule(r.sourceSeverity(), r.targetSeverities(), r.window())).toList());
        Silences silences = new Silences(clock, p.silences().maxDuration(), p.silences().staffMaxDuration());
        VerdictStore verdicts = init(new VerdictStore(mongo));
        AlertStore alerts = init(new AlertStore(mongo));
        SubscriptionStore subscriptions = init(new SubscriptionStore(mongo, beans.cipher()));
        SilenceStore silenceStore = init(new SilenceStore(mongo));
        DeliveryStore deliveries = init(new DeliveryStore(mongo));
        StreamLogStore streamLog = init(new StreamLogStore(mongo));
        AlertDispatcher dispatcher = new AlertDispatcher(clock, lifecycle, inhibitor, silences, verdicts, alerts,
                subscriptions, silenceStore, deliveries, beans.hub(), streamLog, beans.metrics(), p);
        return new Pipeline(dispatcher, alerts, subscriptions, silenceStore, silences);
    }

    private static <T> T init(T store) {
        if (store instanceof org.springframework.beans.factory.InitializingBean b) {
            try {
                b.afterPropertiesSet();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return store;
    }

    /** One play of one scenario. */
    private static final class Play {
        private final Scenario scenario;
        private final JsonNode json;
        private final MongoTemplate mongo;
        private final MutableClock clock;
        private final AlertDispatcher dispatcher;
        private final Silences silences;
        private final SilenceStore silenceStore;
        private final SubscriptionStore subscriptions;
        private final Map<String, UUID> incidents = new LinkedHashMap<>();
        private final Map<String, Silence> silenceIds = new LinkedHashMap<>();
        private final Map<String, String> subscriptionNames = new LinkedHashMap<>();
        private final String run = UUID.randomUUID().toString();

        Play(Scenario scenario, JsonNode json, MongoTemplate mongo, Beans beans) {
            this.scenario = scenario;
            this.json = json;
            this.mongo = mongo;
            JsonNode steps = json.get("steps");
            this.clock = new MutableClock(at(steps.get(0)).minusSeconds(60));
            Pipeline pipeline = pipeline(mongo, clock, settings(beans.properties(), json.get("config")), beans);
            this.silences = pipeline.silences();
            this.subscriptions = pipeline.subscriptions();
            this.silenceStore = pipeline.silenceStore();
            this.dispatcher = pipeline.dispatcher();
        }

        Map<String, List<String>> run() {
            for (JsonNode s : json.get("subscriptions")) {
                subscribe(s);
            }
            for (JsonNode step : json.get("steps")) {
                timePassesUntil(at(step));
                if (step.has("assessment")) {
                    Assessment a = assessment(step.get("assessment"), at(step));
                    // what the intake checks before it hands a record to the dispatcher (AssessmentIntake)
                    var violations = org.borderwatch.common.schema.JsonSchemas.validate(
                            org.borderwatch.common.schema.JsonSchemas.ASSESSMENT, Json.write(a));
                    if (!violations.isEmpty()) {
                        throw new IllegalStateException(scenario.id() + ": the intake would skip " + step + ": "
                                + violations);
                    }
                    dispatcher.onAssessment(a);
                } else if (step.has("review")) {
                    JsonNode r = step.get("review");
                    dispatcher.onReview(incident(r.get("incident").asString()), new Review(
                            Occurrence.valueOf(r.get("occurrence").asString()),
                            r.has("attribution") ? Attribution.valueOf(r.get("attribution").asString()) : null,
                            r.get("note").asString(), "staff1", OffsetDateTime.ofInstant(clock.instant(),
                            ZoneOffset.UTC)));
                } else if (step.has("silence")) {
                    silence(step.get("silence"));
                } else if (step.has("endSilence")) {
                    Silence s = silenceIds.get(step.get("endSilence").asString());
                    silences.endRefusal(s, s.author(), s.author().equals("admin")).ifPresent(refusal -> {
                        throw new IllegalStateException(scenario.id() + ": " + refusal);
                    });
                    silenceStore.expire(s.id(), clock.instant(), s.author());
                    // DELETE /api/v1/silences/{id} wakes a release pass at once
                    dispatcher.releaseSilenced();
                } else if (!step.has("timePasses")) {
                    throw new IllegalArgumentException(scenario.id() + ": unknown step " + step);
                }
            }
            return sent();
        }

        /**
         * Time passes up to {@code until}: the periodic jobs run every {@link #JOB_PERIOD} of scenario time on the
         * way, as the service's scheduler runs them all the time, and once more at {@code until}.
         */
        private void timePassesUntil(Instant until) {
            for (Instant t = clock.instant().plus(JOB_PERIOD); t.isBefore(until); t = t.plus(JOB_PERIOD)) {
                clock.set(t);
                periodicJobs();
            }
            clock.set(until);
            periodicJobs();
        }

        /** What the service's scheduler runs all the time (Schedules): repeats, releases, the outbox relay. */
        private void periodicJobs() {
            dispatcher.repeatDue();
            dispatcher.releaseSilenced();
            dispatcher.relayPending();
        }

        private void subscribe(JsonNode s) {
            JsonNode f = s.get("filter");
            String name = s.get("name").asString();
            String id = "round-" + run + "-" + name;
            boolean digest = "digest".equals(s.get("mode").asString());
            Subscription subscription = new Subscription(id, name, s.get("role").asString().toLowerCase(),
                    new Channel(ChannelType.WEBHOOK, "http://127.0.0.1:9/round/" + name, null, null,
                            "round-secret-0123456789", null),
                    new SubscriptionFilter(enums(f.get("segments"), BorderSegment.class),
                            Severity.valueOf(f.get("minSeverity").asString()), enums(f.get("signals"),
                            SignalType.class), enums(f.get("occurrences"), Occurrence.class)),
                    digest ? DeliveryMode.DIGEST : DeliveryMode.IMMEDIATE,
                    digest ? Duration.parse(s.get("digestInterval").asString()) : null, clock.instant());
            subscriptions.save(subscription);
            subscriptionNames.put(id, name);
        }

        private void silence(JsonNode s) {
            boolean admin = "ADMIN".equals(s.get("role").asString());
            Silence created = silences.create(new SilenceRequest(enums(s.get("segments"), BorderSegment.class),
                    enums(s.get("signals"), SignalType.class), strings(s.get("sources")), null,
                    OffsetDateTime.parse(s.get("endsAt").asString()).toInstant(), s.get("reason").asString()),
                    admin ? "admin" : "staff1", admin);
            silenceStore.save(created);
            silenceIds.put(s.get("id").asString(), created);
        }

        private Assessment assessment(JsonNode a, Instant at) {
            UUID incident = incident(a.get("incident").asString());
            int killed = a.get("killed").asInt();
            List<Signal> signals = new ArrayList<>();
            a.get("signals").forEach(x -> signals.add(new Signal(SignalType.valueOf(x.asString()), List.of(),
                    "round signal " + x.asString())));
            JsonNode w = a.get("window");
            return new Assessment(1, incident, a.get("version").asLong(),
                    BorderSegment.valueOf(a.get("segment").asString()),
                    new TimeWindow(OffsetDateTime.parse(w.get("from").asString()),
                            OffsetDateTime.parse(w.get("to").asString())),
                    Occurrence.valueOf(a.get("occurrence").asString()),
                    Attribution.valueOf(a.get("attribution").asString()), 0.7, Party.AZ,
                    List.of(EventType.SMALL_ARMS_FIRE), null,
                    killed > 0 ? List.of(new Casualties(killed, 0, Party.AM)) : List.of(),
                    Severity.valueOf(a.get("severity").asString()), signals, a.get("closed").asBoolean(),
                    List.of("scenario " + scenario.id() + ", " + a.get("incident").asString() + " version "
                            + a.get("version").asLong()),
                    OffsetDateTime.ofInstant(at, ZoneOffset.UTC), List.of("az-mod"));
        }

        private UUID incident(String name) {
            return incidents.computeIfAbsent(name, n -> UUID.nameUUIDFromBytes((run + "/" + n).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)));
        }

        /** Each subscription's outbox rows, in the order they were written, as lines. */
        private Map<String, List<String>> sent() {
            Map<UUID, String> names = incidents.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
            Map<String, List<String>> out = new LinkedHashMap<>();
            subscriptionNames.values().forEach(n -> out.put(n, new ArrayList<>()));
            Set<String> digests = new java.util.HashSet<>();
            for (JsonNode s : json.get("subscriptions")) {
                if ("digest".equals(s.get("mode").asString())) {
                    digests.add(s.get("name").asString());
                }
            }
            for (Document row : mongo.getCollection("deliveries").find()) {
                String name = subscriptionNames.get(row.getString("subscriptionId"));
                if (name == null) {
                    continue; // the feed's copy
                }
                Alert a = Json.read(row.getString("alert"), Alert.class);
                out.get(name).add(line(a.event().name(), names.get(a.incidentId()), a.assessmentVersion(),
                        a.severity().name(), a.occurrence().name(), row.getString("noLongerMatching") != null,
                        digests.contains(name) ? row.getDate("notBefore").toInstant() : null));
            }
            return out;
        }
    }

    private static Instant at(JsonNode step) {
        return OffsetDateTime.parse(step.get("at").asString()).toInstant();
    }

    /** The shared settings with the scenario's repeat policy and inhibition (the service's defaults when unset). */
    static AlertProperties settings(AlertProperties shared, JsonNode config) {
        Duration repeat = DEFAULT_REPEAT;
        Severity repeatMin = DEFAULT_REPEAT_MIN;
        List<AlertProperties.Inhibition> inhibition = null;
        if (config != null && !config.isNull()) {
            if (config.has("repeatInterval")) {
                repeat = Duration.parse(config.get("repeatInterval").asString());
            }
            if (config.has("repeatMinSeverity")) {
                repeatMin = Severity.valueOf(config.get("repeatMinSeverity").asString());
            }
            if (config.has("inhibition")) {
                List<AlertProperties.Inhibition> rules = new ArrayList<>();
                config.get("inhibition").forEach(r -> rules.add(new AlertProperties.Inhibition(
                        Severity.valueOf(r.get("sourceSeverity").asString()),
                        enums(r.get("targetSeverities"), Severity.class),
                        Duration.parse(r.get("within").asString()))));
                inhibition = rules;
            }
        }
        AlertProperties.Lifecycle l = shared.lifecycle();
        AlertProperties.Lifecycle lifecycle = new AlertProperties.Lifecycle(repeat, repeatMin, l.repeatCheck(),
                Duration.ZERO, l.maxGroupWait(), l.defaultDigestInterval(), l.relayInterval(), l.expiryInterval(),
                l.releaseLookback(), l.repeatMaxPerPass(), l.relayMaxPerPass());
        return new AlertProperties(shared.topics(), lifecycle, inhibition, shared.silences(), shared.delivery(),
                shared.stream(), shared.webhook(), shared.kafka(), shared.cap(), shared.mail(), shared.security(),
                shared.readinessGauge(), shared.store(), shared.api(), shared.secrets(), shared.publicBaseUrl(),
                shared.retention());
    }

    private static <E extends Enum<E>> Set<E> enums(JsonNode array, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        if (array != null) {
            array.forEach(x -> out.add(Enum.valueOf(type, x.asString())));
        }
        return out;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new java.util.LinkedHashSet<>();
        if (array != null) {
            array.forEach(x -> out.add(x.asString()));
        }
        return out;
    }
}
