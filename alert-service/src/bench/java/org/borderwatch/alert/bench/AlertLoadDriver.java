package org.borderwatch.alert.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.borderwatch.alert.AlertMetrics;
import org.borderwatch.alert.AlertServiceApplication;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.topic.Topics;
import org.borderwatch.testkit.TestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The alert-service load driver ({@code mvn -B -Pbench -pl alert-service test-compile exec:exec}): the testkit's
 * in-JVM Kafka broker and MongoDB-wire store, the real alert-service application, and a counting webhook receiver,
 * all in this JVM. It creates webhook subscriptions through the REST API, sends assessments to
 * {@code border.assessments} as fast as the producer goes, and measures intake, delivery and latency from its own
 * timestamps. Exit status 1 when the expected deliveries did not all arrive (exactly the expected items, none
 * FAILED) before the timeout: a correctness check, not a timing assertion.
 *
 * <p>System properties: {@code bench.assessments}, {@code bench.subscriptions}, {@code bench.rate-per-second}
 * (the service's {@code alert.delivery.rate-per-second}), {@code bench.partitions}, {@code bench.timeout} (s).
 */
public final class AlertLoadDriver {

    private static final String USER = "bench";
    private static final String PASSWORD = "bench-load-pw";
    private static final String SECRET = "bench-secret-0123456789";

    private AlertLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int assessments = Integer.getInteger("bench.assessments", 2000);
        int subscriptionCount = Integer.getInteger("bench.subscriptions", 20);
        int rate = Integer.getInteger("bench.rate-per-second", 20);
        int partitions = Integer.getInteger("bench.partitions", 3);
        Duration timeout = Duration.ofSeconds(Integer.getInteger("bench.timeout", 600));
        int exit;
        try {
            exit = run(assessments, subscriptionCount, rate, partitions, timeout);
        } catch (Exception e) {
            e.printStackTrace();
            exit = 2;
        }
        System.out.flush();
        System.exit(exit);
    }

    static int run(int total, int subscriptionCount, int rate, int partitions, Duration timeout) throws Exception {
        String machine = machine();
        System.out.printf("alert-service load driver: %d assessments, %d webhook subscriptions, rate limiter %d/s%n",
                total, subscriptionCount, rate);
        System.out.println("machine: " + machine);
        System.out.println("infrastructure: " + TestInfrastructure.mode());
        long bootStart = System.nanoTime();

        // infrastructure: one broker and one store in this JVM (the testkit's)
        String bootstrap = TestInfrastructure.kafkaBootstrapServers();
        String mongoUri = TestInfrastructure.mongoUri();
        TestInfrastructure.createTopics(partitions, Topics.ASSESSMENTS.name(), Topics.ALERTS.name());

        Workload workload = Workload.generate(total, 7L);
        Map<String, long[]> sentAt = new ConcurrentHashMap<>(); // incidentId -> send nanos per version (index = v)
        for (Workload.Item item : workload.items()) {
            sentAt.merge(item.assessment().incidentId().toString(), new long[(int) item.assessment().version() + 1],
                    (a, b) -> a.length >= b.length ? a : b);
        }
        for (long[] times : sentAt.values()) {
            Arrays.fill(times, -1);
        }
        CountingReceiver receiver = new CountingReceiver((incident, version) -> {
            long[] times = sentAt.get(incident);
            return times == null || version >= times.length ? -1 : times[(int) (long) version];
        });

        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.kafka.bootstrap-servers", bootstrap);
        props.put("spring.cloud.stream.kafka.binder.brokers", bootstrap);
        props.put("spring.mongodb.uri", mongoUri);
        props.put("server.port", "0");
        props.put("server.shutdown", "immediate");
        // measure the pipeline, not the (default 5 s) group wait
        props.put("alert.lifecycle.group-wait", "0s");
        props.put("alert.delivery.rate-per-second", String.valueOf(rate));
        props.put("alert.webhook.allow-list[0]", "127.0.0.1");
        // the driver's receiver is plain http (outside the local profile webhooks must be https)
        props.put("alert.webhook.require-https", "false");
        // webhook secrets at rest need a key; the driver's store lives for one run, so a fresh random one will do
        byte[] secretsKey = new byte[32];
        new java.security.SecureRandom().nextBytes(secretsKey);
        props.put("alert.secrets.key", java.util.Base64.getEncoder().encodeToString(secretsKey));
        props.put("alert.security.users[0].name", USER);
        props.put("alert.security.users[0].password", "{noop}" + PASSWORD);
        props.put("alert.security.users[0].roles[0]", "STAFF");
        // no e-mail subscriptions here; a mail sender must exist, nothing listens on this port
        props.put("spring.mail.host", "127.0.0.1");
        props.put("spring.mail.port", "9");
        props.put("management.health.mail.enabled", "false");
        // as command-line arguments: they win over application.yml (builder "properties" would not)
        StoreTimings storeTimings = new StoreTimings();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(AlertServiceApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("benchStoreTimings",
                        (MongoClientSettingsBuilderCustomizer) b -> b.addCommandListener(storeTimings)))
                .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        awaitConsumerAssigned(bootstrap, partitions, Duration.ofSeconds(60));
        double bootSeconds = seconds(System.nanoTime() - bootStart);

        // subscriptions through the REST API
        long subStart = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Workload.Filter> filters = new LinkedHashMap<>();
        for (int i = 0; i < subscriptionCount; i++) {
            Workload.Filter f = filterOf(i);
            filters.put(subscribe(http, port, i, receiver.url("/hook/" + i), f), f);
        }
        double subSeconds = seconds(System.nanoTime() - subStart);
        Set<String> expected = new HashSet<>();
        filters.forEach((id, f) -> workload.expected(f).forEach(k -> expected.add(id + "|" + k)));

        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(total);
        for (Workload.Item item : workload.items()) {
            records.add(new ProducerRecord<>(Topics.ASSESSMENTS.name(), item.assessment().incidentId().toString(),
                    Json.writeBytes(item.assessment())));
        }
        MeterRegistry meters = app.getBean(MeterRegistry.class);
        long heapStart = heapAfterGc();

        try (MongoClient mongo = MongoClients.create(mongoUri);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                     ProducerConfig.LINGER_MS_CONFIG, 5),
                     new StringSerializer(), new ByteArraySerializer())) {
            MongoDatabase db = mongo.getDatabase("borderwatch");
            Sampler sampler = new Sampler(db, meters, receiver);
            Thread samplerThread = new Thread(sampler, "bench-sampler");
            samplerThread.setDaemon(true);

            // produce as fast as the producer allows, each record's send time recorded just before send()
            long start = System.nanoTime();
            sampler.start = start;
            samplerThread.start();
            AtomicLong acked = new AtomicLong();
            AtomicLong lastAck = new AtomicLong();
            for (int i = 0; i < records.size(); i++) {
                var a = workload.items().get(i).assessment();
                sentAt.get(a.incidentId().toString())[(int) a.version()] = System.nanoTime();
                producer.send(records.get(i), (md, e) -> {
                    if (e != null) {
                        throw new IllegalStateException("send failed", e);
                    }
                    acked.incrementAndGet();
                    lastAck.set(System.nanoTime());
                });
            }
            producer.flush();
            double produceSeconds = seconds(lastAck.get() - start);

            long deadline = start + timeout.toNanos();
            boolean intakeDone = await(() -> sampler.verdicts >= total, deadline);
            long intakeEnd = sampler.verdictsDoneAt;
            boolean deliveriesDone = await(() -> receiver.distinctItems() >= expected.size(), deadline);
            long deliveriesEnd = receiver.lastArrival();
            boolean drained = await(() -> sampler.backlogCount() == 0, deadline);
            long drainedAt = System.nanoTime();
            sampler.stop = true;
            samplerThread.join(2000);

            // correctness: exactly the expected items, nothing FAILED
            Set<String> received = new HashSet<>(receiver.itemKeys());
            Set<String> missing = new HashSet<>(expected);
            missing.removeAll(received);
            Set<String> unexpected = new HashSet<>(received);
            unexpected.removeAll(expected);
            Map<String, Long> rows = deliveryRows(db);
            long failed = rows.entrySet().stream().filter(e -> e.getKey().endsWith("FAILED"))
                    .mapToLong(Map.Entry::getValue).sum();
            long verdictVersions = db.getCollection("verdict_versions").countDocuments();

            long heapEnd = heapAfterGc();
            db.drop(); // the in-memory store lives in this heap: what remains without its data is the service's
            long heapEndWithoutStore = heapAfterGc();

            long[] lat = receiver.latencies();
            Arrays.sort(lat);
            Timer serviceLatency = meters.find(AlertMetrics.DELIVERY_LATENCY).timer();
            long webhookRows = rows.entrySet().stream().filter(e -> e.getKey().startsWith("WEBHOOK"))
                    .mapToLong(Map.Entry::getValue).sum();

            System.out.println();
            System.out.println("== alert-service load driver ==");
            System.out.println("machine            " + machine);
            System.out.println("machine at end     " + loadAverage());
            System.out.printf("settings           group-wait 0 s (the pipeline, not the wait), rate limiter %d/s%s, "
                    + "poll 500 ms, max-batch 50, %d partitions, 1 consumer thread%n", rate,
                    rate == 20 ? " (service default)" : " (raised; default 20)", partitions);
            System.out.printf("setup              broker + store + service up in %.1f s; %d subscriptions via REST in"
                    + " %.2f s%n", bootSeconds, subscriptionCount, subSeconds);
            System.out.printf("%-34s %12s %10s %12s%n", "measure", "count", "seconds", "per second");
            row("assessments produced (acked)", acked.get(), produceSeconds);
            row("assessments stored (verdicts)", verdictVersions, intakeDone ? seconds(intakeEnd - start) : -1);
            row("webhook items delivered", receiver.distinctItems(),
                    deliveriesDone ? seconds(deliveriesEnd - start) : -1);
            row("webhook notifications (HTTP)", receiver.requests(),
                    deliveriesDone ? seconds(deliveriesEnd - start) : -1);
            row("all outbox rows final (incl. feed)", rows.values().stream().mapToLong(Long::longValue).sum(),
                    drained ? seconds(drainedAt - start) : -1);
            System.out.printf("latency send->webhook ms   p50 %s  p95 %s  p99 %s  max %s  (%d items)%n",
                    ms(pct(lat, 50)), ms(pct(lat, 95)), ms(pct(lat, 99)), ms(lat.length == 0 ? -1 : lat[lat.length - 1]),
                    lat.length);
            if (serviceLatency != null) {
                System.out.printf("service's own timer (received->delivered, all channels): %d, mean %.0f ms, max %.0f"
                        + " ms%n", serviceLatency.count(), serviceLatency.mean(TimeUnit.MILLISECONDS),
                        serviceLatency.max(TimeUnit.MILLISECONDS));
            }
            System.out.printf("outbox backlog peak   %d rows counted in the store (every 500 ms), %d on the service's"
                    + " gauge%n", sampler.backlogPeak, sampler.gaugePeak);
            System.out.printf("heap after GC MB      start %d, end %d, end without the in-memory store's data %d"
                    + " (max %d)%n", mb(heapStart), mb(heapEnd), mb(heapEndWithoutStore),
                    mb(Runtime.getRuntime().maxMemory()));
            System.out.println("deliveries rows      " + rows);
            System.out.println("service's store round trips by command (time as the service's client saw it):");
            System.out.println(storeTimings.report(10));
            if (Boolean.getBoolean("bench.histogram")) {
                System.out.println(histogram(25));
            }
            System.out.printf("expected items %d, webhook rows %d, received %d, missing %d, unexpected %d, duplicate "
                    + "copies %d, FAILED rows %d%n", expected.size(), webhookRows, received.size(), missing.size(),
                    unexpected.size(), receiver.duplicates(), failed);
            boolean ok = intakeDone && deliveriesDone && missing.isEmpty() && unexpected.isEmpty() && failed == 0
                    && receiver.unknownVersions() == 0;
            if (!ok) {
                System.out.println("NOT OK: " + (intakeDone ? "" : "intake incomplete; ")
                        + (deliveriesDone ? "" : "deliveries incomplete within " + timeout.toSeconds() + " s; ")
                        + (missing.isEmpty() ? "" : "missing e.g. " + missing.stream().limit(3).toList() + "; ")
                        + (unexpected.isEmpty() ? "" : "unexpected e.g. " + unexpected.stream().limit(3).toList()));
            } else {
                System.out.println("OK: every expected delivery arrived, none unexpected, none failed");
            }
            app.close();
            receiver.close();
            return ok ? 0 : 1;
        }
    }

    /** Subscription filters: any; HIGH and up; two segments; one segment from MEDIUM up (by index, round robin). */
    static Workload.Filter filterOf(int i) {
        var segs = Workload.SEGMENTS;
        return switch (i % 4) {
            case 0 -> new Workload.Filter(Set.of(), Severity.INFO);
            case 1 -> new Workload.Filter(Set.of(), Severity.HIGH);
            case 2 -> new Workload.Filter(Set.of(segs.get(i % segs.size()), segs.get((i + 3) % segs.size())),
                    Severity.INFO);
            default -> new Workload.Filter(Set.of(segs.get(i % segs.size())), Severity.MEDIUM);
        };
    }

    private static String subscribe(HttpClient http, int port, int i, String url, Workload.Filter filter)
            throws Exception {
        String body = """
                {"name":"load driver %d","channel":{"type":"webhook","url":"%s","secret":"%s"},"filter":%s}
                """.formatted(i, url, SECRET, filter.json());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/subscriptions"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("subscription refused: " + response.statusCode() + " " + response.body());
        }
        return Json.tree(response.body().getBytes(StandardCharsets.UTF_8)).get("id").asString();
    }

    private static void awaitConsumerAssigned(String bootstrap, int partitions, Duration within) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of("alert-service")).all()
                        .get(10, TimeUnit.SECONDS).get("alert-service");
                int assigned = d.members().stream().mapToInt(m -> m.assignment().topicPartitions().size()).sum();
                if (assigned >= partitions) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("the alert-service consumer got no partitions within " + within);
        }
    }

    /** Rows of {@code deliveries} by channel and status, e.g. {@code WEBHOOK DELIVERED=…}. */
    private static Map<String, Long> deliveryRows(MongoDatabase db) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String channel : List.of("WEBHOOK", "KAFKA")) {
            for (String status : List.of("DELIVERED", "FAILED", "PENDING", "IN_FLIGHT")) {
                long n = db.getCollection("deliveries").countDocuments(Filters.and(Filters.eq("channel", channel),
                        Filters.eq("status", status)));
                if (n > 0) {
                    out.put(channel + " " + status, n);
                }
            }
        }
        return out;
    }

    private static boolean await(BooleanSupplier condition, long deadlineNanos) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadlineNanos) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Heap in use right after a full collection, as the collector reports it (not "used" read later). */
    private static long heapAfterGc() {
        System.gc();
        System.gc();
        long used = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used;
    }

    /** The largest classes on the heap (live objects: jcmd runs a full GC first), for the memory check. */
    private static String histogram(int lines) {
        try {
            Process p = new ProcessBuilder("jcmd", String.valueOf(ProcessHandle.current().pid()),
                    "GC.class_histogram").redirectErrorStream(true).start();
            List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            p.waitFor(60, TimeUnit.SECONDS);
            return "heap histogram (top " + lines + ")\n" + String.join("\n",
                    out.subList(Math.min(1, out.size()), Math.min(out.size(), lines + 3)))
                    + "\n" + (out.isEmpty() ? "" : out.get(out.size() - 1));
        } catch (Exception e) {
            return "heap histogram unavailable: " + e;
        }
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", " + loadAverage() + " (the broker, the store, the service and this driver share them)";
    }

    private static String loadAverage() {
        try {
            String[] l = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return "load average " + l[0] + " " + l[1] + " " + l[2];
        } catch (Exception e) {
            return "load average unknown";
        }
    }

    private static void row(String name, long count, double seconds) {
        System.out.printf("%-34s %12d %10s %12s%n", name, count,
                seconds < 0 ? "timeout" : String.format(Locale.ROOT, "%.1f", seconds),
                seconds <= 0 ? "-" : String.format(Locale.ROOT, "%.0f", count / seconds));
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "-" : String.format(Locale.ROOT, "%.0f", nanos / 1e6);
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Every 500 ms: verdict count, outbox backlog (store and gauge), a progress line every 5 s. */
    static final class Sampler implements Runnable {
        private final MongoDatabase db;
        private final MeterRegistry meters;
        private final CountingReceiver receiver;
        volatile long start;
        volatile boolean stop;
        volatile long verdicts;
        volatile long verdictsDoneAt;
        volatile long backlogPeak;
        volatile long gaugePeak;

        Sampler(MongoDatabase db, MeterRegistry meters, CountingReceiver receiver) {
            this.db = db;
            this.meters = meters;
            this.receiver = receiver;
        }

        long backlogCount() {
            return db.getCollection("deliveries").countDocuments(Filters.in("status", "PENDING", "IN_FLIGHT"));
        }

        @Override
        public void run() {
            long nextProgress = start + TimeUnit.SECONDS.toNanos(5);
            while (!stop) {
                long v = db.getCollection("verdict_versions").estimatedDocumentCount();
                long now = System.nanoTime();
                if (v > verdicts) {
                    verdicts = v;
                    verdictsDoneAt = now;
                }
                long backlog = backlogCount();
                backlogPeak = Math.max(backlogPeak, backlog);
                Gauge g = meters.find(AlertMetrics.OUTBOX_BACKLOG).gauge();
                if (g != null) {
                    gaugePeak = Math.max(gaugePeak, (long) g.value());
                }
                if (now >= nextProgress) {
                    System.out.printf("  t=%5.1f s  verdicts %d  webhook items %d (%d requests)  backlog %d  %s%n",
                            (now - start) / 1e9, v, receiver.distinctItems(), receiver.requests(), backlog,
                            loadAverage());
                    nextProgress += TimeUnit.SECONDS.toNanos(5);
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
