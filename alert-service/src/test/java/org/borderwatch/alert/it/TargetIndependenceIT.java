package org.borderwatch.alert.it;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.borderwatch.alert.AlertMetrics;
import org.borderwatch.alert.AlertProperties;
import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.testkit.WebhookReceiver;
import org.borderwatch.alert.cap.CapService;
import org.borderwatch.alert.delivery.DeliveryStatus;
import org.borderwatch.alert.delivery.DeliveryWorker;
import org.borderwatch.alert.delivery.Grouping;
import org.borderwatch.alert.delivery.email.EmailChannel;
import org.borderwatch.alert.delivery.webhook.WebhookChannel;
import org.borderwatch.alert.delivery.webhook.WebhookClient;
import org.borderwatch.alert.delivery.webhook.WebhookTargetPolicy;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.routing.Channel;
import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.alert.routing.Subscription;
import org.borderwatch.alert.store.DeliveryStore;
import org.borderwatch.alert.store.OutboxRow;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One stalled partner delays nobody else: a worker built from the service's real parts (the store, the JDK webhook
 * client, the SMTP client to GreenMail) sends a webhook to a real receiver that holds its answer until the test lets
 * it go, and meanwhile delivers another subscription's webhook and an e-mail; the stalled subscription's next
 * notification waits for its turn (same target, in order); a shutdown waits for the send in hand and gives back the
 * rest. The worker's clock runs an hour ahead and its rows are due only then, so the shared context's own worker
 * never touches them; its store sees only this test's rows (a view of the real collection, oldest first).
 */
class TargetIndependenceIT extends AlertServiceITSupport {

    private static final Duration AHEAD = Duration.ofHours(1);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    WebhookTargetPolicy policy;

    @Autowired
    CapService cap;

    @Autowired
    EmailChannel email;

    private final WebhookReceiver stalled = new WebhookReceiver();
    private final CountDownLatch answer = new CountDownLatch(1);
    private final Map<String, Subscription> subscriptions = new HashMap<>();
    private final List<DeliveryWorker> workers = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Instant created = Instant.now().minus(Duration.ofDays(1));
    private int rowCount;

    @AfterEach
    void cleanUp() {
        answer.countDown();
        workers.forEach(DeliveryWorker::shutdown);
        stalled.close();
        mongo.getCollection("deliveries").deleteMany(new Document("subscriptionId",
                new Document("$in", List.copyOf(subscriptions.keySet()))));
    }

    /** The real store, seeing only this test's subscriptions' rows. */
    private final class OwnRows extends DeliveryStore {
        OwnRows() {
            super(mongo);
        }

        @Override
        public List<OutboxRow> findDue(Instant now, int limit, Collection<String> exceptTargets) {
            return super.findDue(now, limit, exceptTargets).stream()
                    .filter(r -> subscriptions.containsKey(r.subscriptionId())).toList();
        }
    }

    private DeliveryWorker worker(Duration shutdownWait) {
        Duration timeout = Duration.ofSeconds(30); // longer than any wait here: the stall ends when the test says so
        AlertProperties.Delivery settings = new AlertProperties.Delivery(Duration.ofMillis(100), Duration.ofSeconds(90),
                50, 1, Duration.ofMillis(10), 2.0, 0.5, 4, Duration.ofMillis(50), Duration.ofMillis(100), 50, 2,
                Duration.ofMillis(400), 20, timeout, Duration.ofDays(30), true, 4, shutdownWait,
                Duration.ofSeconds(2));
        Clock ahead = Clock.offset(Clock.systemUTC(), AHEAD);
        WebhookChannel webhooks = new WebhookChannel(new WebhookClient(ahead, timeout, policy), cap);
        DeliveryWorker worker = new DeliveryWorker("independence-" + UUID.randomUUID(), new OwnRows(),
                id -> Optional.ofNullable(subscriptions.get(id)), List.of(webhooks, email),
                CircuitBreakerRegistry.ofDefaults(), RetryRegistry.ofDefaults(), RateLimiterRegistry.ofDefaults(),
                settings, ahead, new AlertMetrics(meters));
        workers.add(worker);
        return worker;
    }

    private Subscription subscribe(Channel channel) {
        Subscription s = new Subscription("independence-" + UUID.randomUUID(), "independence", "staff1", channel, null,
                null, null, Instant.now());
        subscriptions.put(s.id(), s);
        return s;
    }

    private Subscription webhook(String url) {
        return subscribe(new Channel(ChannelType.WEBHOOK, url, null, null, SECRET, null));
    }

    /** One row of its own notification, due only on the worker's clock; rows inserted later are younger. */
    private OutboxRow row(Subscription s) {
        UUID incident = UUID.randomUUID();
        Alert alert = new Alert(1, AlertLifecycle.alertIdOf(incident), incident, 1, 1, AlertEvent.FIRED,
                AlertStatus.FIRING, BorderSegment.TAVUSH, Severity.CRITICAL, Occurrence.CONFIRMED, null, null, null,
                null, "independence test", List.of("a partner stalls"), null, OffsetDateTime.now(ZoneOffset.UTC));
        String id = Grouping.itemKey(s.id(), alert);
        Instant at = created.plusMillis(rowCount++);
        OutboxRow row = new OutboxRow(id, alert.alertId(), incident, 1, "FIRED", s.id(), s.name(),
                s.channel().type().name(), s.channel().target(), "single|" + id, DeliveryStatus.PENDING,
                Instant.now().plus(AHEAD).minusSeconds(1), at, at, 0, 0, null, null, null, null, Json.write(alert));
        assertThat(deliveryStore.insertIfAbsent(row)).isTrue();
        return row;
    }

    private DeliveryStatus status(OutboxRow row) {
        return deliveryStore.find(row.id()).orElseThrow().status();
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    @Test
    void aStalledWebhookHoldsOnlyItsOwnTargetWhileAnotherWebhookAndAnEmailAreDelivered() throws Exception {
        String path = "/stalled/" + UUID.randomUUID();
        stalled.holdUntil(path, answer);
        Subscription slow = webhook(stalled.url(path));
        String healthyPath = "/healthy/" + UUID.randomUUID();
        Subscription healthy = webhook(RECEIVER.url(healthyPath));
        String address = "desk-" + UUID.randomUUID() + "@example.org";
        Subscription mail = subscribe(new Channel(ChannelType.EMAIL, null, address, null, null, null));
        // the stalled partner's rows are the oldest: a worker sending one batch after another would start there
        OutboxRow slowFirst = row(slow);
        OutboxRow slowSecond = row(slow);
        OutboxRow toWebhook = row(healthy);
        OutboxRow toMail = row(mail);
        DeliveryWorker worker = worker(Duration.ofSeconds(30));

        assertThat(worker.runOnce()).as("every row handed to a lane").isEqualTo(4);
        await().atMost(Duration.ofSeconds(30)).until(() -> stalled.held(path) == 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.accepted(healthyPath).size() == 1
                && mailsTo(address).size() == 1 && status(toWebhook) == DeliveryStatus.DELIVERED
                && status(toMail) == DeliveryStatus.DELIVERED);
        // ... while the stalled partner still has the first request, unanswered
        assertThat(stalled.held(path)).as("the stalled send is still in flight").isEqualTo(1);
        assertThat(stalled.requests(path)).as("nothing answered there yet").isEmpty();
        assertThat(status(slowFirst)).isEqualTo(DeliveryStatus.IN_FLIGHT);
        assertThat(stalled.arrivals(path)).as("the subscription's next notification waits for its turn")
                .containsExactly(slowFirst.id());
        assertThat(meters.get(AlertMetrics.DELIVERY_IN_FLIGHT).gauge().value())
                .as("one target being sent to").isEqualTo(1.0);
        assertThat(RECEIVER.accepted(healthyPath).get(0).header("X-BorderWatch-Delivery")).isEqualTo(toWebhook.id());
        assertThat(mailsTo(address).get(0).getHeader("X-BorderWatch-Delivery")).containsExactly(toMail.id());

        answer.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(slowFirst) == DeliveryStatus.DELIVERED);
        // the next pass sends the stalled subscription's second notification, after the first
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            worker.runOnce();
            return status(slowSecond) == DeliveryStatus.DELIVERED;
        });
        assertThat(stalled.arrivals(path)).containsExactly(slowFirst.id(), slowSecond.id());
        assertThat(stalled.accepted(path)).hasSize(2);
        assertThat(RECEIVER.accepted(healthyPath)).as("each delivered once").hasSize(1);
        assertThat(mailsTo(address)).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> meters.get(AlertMetrics.DELIVERY_IN_FLIGHT).gauge()
                .value() == 0.0);
    }

    @Test
    void aShutdownWaitsForTheSendInHandAndGivesBackWhatItHasNotSent() throws Exception {
        String path = "/stalled/" + UUID.randomUUID();
        stalled.holdUntil(path, answer);
        Subscription slow = webhook(stalled.url(path));
        OutboxRow first = row(slow);
        OutboxRow second = row(slow);
        DeliveryWorker worker = worker(Duration.ofSeconds(30));
        worker.runOnce();
        await().atMost(Duration.ofSeconds(30)).until(() -> stalled.held(path) == 1);

        AtomicReference<Boolean> ended = new AtomicReference<>();
        Thread stopping = new Thread(() -> ended.set(worker.shutdown()), "independence-shutdown");
        stopping.start();
        assertThat(worker.runOnce()).as("a stopping worker starts nothing").isZero();
        assertThat(ended.get()).as("still waiting for the send in flight").isNull();
        answer.countDown();
        stopping.join(30_000);

        assertThat(ended.get()).as("every lane ended within the wait").isTrue();
        assertThat(status(first)).as("the send in hand was finished and recorded").isEqualTo(DeliveryStatus.DELIVERED);
        OutboxRow back = deliveryStore.find(second.id()).orElseThrow();
        assertThat(back.status()).as("given back, not left under the lease").isEqualTo(DeliveryStatus.PENDING);
        assertThat(back.attempts()).isZero();
        assertThat(mongo.getCollection("deliveries").find(new Document("_id", second.id())).first())
                .doesNotContainKey("leaseOwner");
        assertThat(stalled.arrivals(path)).as("never sent").containsExactly(first.id());
    }

    @Test
    void aSendStillStalledWhenTheShutdownWaitEndsIsGivenBackNotCountedAsAFailure() {
        String path = "/stalled/" + UUID.randomUUID();
        stalled.holdUntil(path, answer);
        Subscription slow = webhook(stalled.url(path));
        OutboxRow row = row(slow);
        DeliveryWorker worker = worker(Duration.ofMillis(200));
        worker.runOnce();
        await().atMost(Duration.ofSeconds(30)).until(() -> stalled.held(path) == 1);

        assertThat(worker.shutdown()).as("the interrupted lane ended within the grace").isTrue();

        OutboxRow back = deliveryStore.find(row.id()).orElseThrow();
        assertThat(back.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(back.rounds()).as("no failed round against the partner").isZero();
        assertThat(back.lastError()).isNull();
        assertThat(meters.get(AlertMetrics.DELIVERIES).tag("channel", "webhook").tag("outcome", "retried").counter()
                .count()).isZero();
    }
}
