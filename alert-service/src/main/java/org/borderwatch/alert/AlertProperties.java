package org.borderwatch.alert;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.borderwatch.common.model.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Every setting of the alert-service, under {@code alert.*} (see README for the table).
 *
 * @param publicBaseUrl the service's address as readers of its notifications reach it (absolute http(s), e.g.
 *                      {@code https://alerts.example.org}); when set, every alert message carries
 *                      {@code verdictUrl = <publicBaseUrl>/api/v1/verdicts/<incidentId>}; empty (the default): no link
 */
@Validated
@ConfigurationProperties("alert")
public record AlertProperties(
        @Valid @NotNull @DefaultValue Topics topics,
        @Valid @NotNull @DefaultValue Lifecycle lifecycle,
        @Valid List<Inhibition> inhibition,
        @Valid @NotNull @DefaultValue Silences silences,
        @Valid @NotNull @DefaultValue Delivery delivery,
        @Valid @NotNull @DefaultValue Stream stream,
        @Valid @NotNull @DefaultValue Webhook webhook,
        @Valid @NotNull @DefaultValue Kafka kafka,
        @Valid @NotNull @DefaultValue Cap cap,
        @Valid @NotNull @DefaultValue Mail mail,
        @Valid @NotNull @DefaultValue Security security,
        @Valid @NotNull @DefaultValue ReadinessGauge readinessGauge,
        @Valid @NotNull @DefaultValue Store store,
        @Valid @NotNull @DefaultValue Api api,
        @Valid @NotNull @DefaultValue Secrets secrets,
        @DefaultValue("") String publicBaseUrl,
        @Valid @NotNull @DefaultValue Retention retention) {

    public AlertProperties {
        // refused at start-up with the reason, not at the first message
        publicBaseUrl = org.borderwatch.alert.lifecycle.LifecycleSettings.normalizedBaseUrl(publicBaseUrl);
        inhibition = inhibition == null
                ? List.of(new Inhibition(Severity.CRITICAL, Set.of(Severity.LOW, Severity.MEDIUM), Duration.ofHours(12)))
                : inhibition;
    }

    /**
     * Topic names; unset, the names of common's typed catalogue ({@link org.borderwatch.common.topic.Topics}, put in
     * the environment by {@link TopicDefaults}, and filled in here too when the record is bound without them).
     *
     * @param alerts      the partner feed ({@code Topics.ALERTS})
     * @param assessments the classifier's verdicts this service consumes ({@code Topics.ASSESSMENTS}); the binding
     *                    {@code assessments-in-0} reads it, and its dead-letter topic is {@code <this>.alert-service.dlq}
     */
    public record Topics(String alerts, String assessments) {
        public Topics {
            alerts = alerts == null || alerts.isBlank() ? org.borderwatch.common.topic.Topics.ALERTS.name()
                    : alerts.strip();
            assessments = assessments == null || assessments.isBlank()
                    ? org.borderwatch.common.topic.Topics.ASSESSMENTS.name() : assessments.strip();
        }

        /** The intake's dead-letter topic (the binder's {@code dlq-name}). */
        public String deadLetter() {
            return assessments + ".alert-service.dlq";
        }
    }

    /**
     * @param groupWait    how long an immediate notification waits for others of the same segment (0 = send at
     *                     once); a subscription may set its own
     * @param maxGroupWait the longest group wait a subscription may ask for
     * @param relayInterval  delay between two sweeps copying outbox rows left in alert documents to deliveries
     * @param expiryInterval delay between two runs of the expiry job (finished deliveries, ended silences, stream
     *                       log; it replaces TTL indexes)
     * @param releaseLookback how far before the previous pass's mark a release pass looks for silences that ended
     *                        (a pass racing a silence's end must not step over it)
     * @param repeatMaxPerPass the most alerts one repeat pass looks at (read {@code alert.store.page-size} at a time,
     *                        oldest repeat clock first); the next pass continues after the last one
     * @param relayMaxPerPass the most alerts holding outbox rows one relay pass looks at (read
     *                        {@code alert.store.page-size} at a time, in id order); the next pass continues after the
     *                        last one
     */
    public record Lifecycle(@NotNull @DefaultValue("4h") Duration repeatInterval,
                            @NotNull @DefaultValue("HIGH") Severity repeatMinSeverity,
                            @NotNull @DefaultValue("1m") Duration repeatCheck,
                            @NotNull @DefaultValue("5s") Duration groupWait,
                            @NotNull @DefaultValue("10m") Duration maxGroupWait,
                            @NotNull @DefaultValue("1h") Duration defaultDigestInterval,
                            @NotNull @DefaultValue("5s") Duration relayInterval,
                            @NotNull @DefaultValue("1h") Duration expiryInterval,
                            @NotNull @DefaultValue("1m") Duration releaseLookback,
                            @Min(1) @jakarta.validation.constraints.Max(1_000_000) @DefaultValue("1000")
                            int repeatMaxPerPass,
                            @Min(1) @jakarta.validation.constraints.Max(1_000_000) @DefaultValue("1000")
                            int relayMaxPerPass) {
        @jakarta.validation.constraints.AssertTrue(message = "alert.lifecycle.release-lookback must not be negative")
        public boolean isReleaseLookbackValid() {
            return releaseLookback == null || !releaseLookback.isNegative();
        }

        @jakarta.validation.constraints.AssertTrue(message = "alert.lifecycle.relay-interval must be at least 1ms")
        public boolean isRelayIntervalValid() {
            return relayInterval == null || relayInterval.toMillis() >= 1;
        }

        @jakarta.validation.constraints.AssertTrue(message = "alert.lifecycle.expiry-interval must be at least 1ms")
        public boolean isExpiryIntervalValid() {
            return expiryInterval == null || expiryInterval.toMillis() >= 1;
        }
    }

    public record Inhibition(@NotNull Severity sourceSeverity, @NotNull Set<Severity> targetSeverities,
                             @NotNull Duration window) {
    }

    /**
     * @param maxDuration      the longest silence (an ADMIN's)
     * @param staffMaxDuration the longest silence a STAFF member may set (at most {@code maxDuration}); a STAFF
     *                         member's silence never mutes CRITICAL messages
     */
    public record Silences(@NotNull @DefaultValue("7d") Duration maxDuration,
                           @NotNull @DefaultValue("30d") Duration retention,
                           @NotNull @DefaultValue("12h") Duration staffMaxDuration) {
    }

    /**
     * @param maxAttempts      attempts per round (Resilience4j retry, exponential backoff with jitter)
     * @param maxRounds        rounds before a delivery is FAILED; between rounds it waits {@code roundBackoff}
     *                         doubled each time
     * @param circuitOpenDelay how long a delivery waits when its target's circuit is open
     * @param concurrentTargets how many targets (a webhook host:port, the mail server, a Kafka topic) one instance
     *                          sends to at the same time, each target's notifications one after the other
     * @param shutdownWait     how long a shutdown waits for sends in flight before interrupting them (their rows and
     *                          every row not yet sent are given back)
     * @param shutdownGrace    after that wait, how long the interrupted lanes get to record that they gave their
     *                          rows back
     * <p>
     * What Resilience4j would refuse with a stack trace while the delivery worker is created (code review F13) is
     * refused when the settings are bound, naming the key: {@code backoff-multiplier} at least 1, {@code jitter} in
     * [0, 1), {@code circuit-failure-rate} in (0, 100], {@code initial-backoff} and {@code circuit-open-duration} at
     * least 1 ms; {@code poll-interval} and {@code timeout} positive (a scheduler and the clients refuse 0).
     */
    public record Delivery(@NotNull @DefaultValue("500ms") Duration pollInterval,
                           @NotNull @DefaultValue("60s") Duration lease,
                           @Min(1) @DefaultValue("50") int maxBatch,
                           @Min(1) @DefaultValue("3") int maxAttempts,
                           @NotNull @DefaultValue("500ms") Duration initialBackoff,
                           @DecimalMin("1.0") @DefaultValue("2.0") double backoffMultiplier,
                           @DecimalMin("0.0") @DecimalMax(value = "1.0", inclusive = false) @DefaultValue("0.5")
                           double jitter,
                           @Min(1) @DefaultValue("5") int maxRounds,
                           @NotNull @DefaultValue("30s") Duration roundBackoff,
                           @NotNull @DefaultValue("10s") Duration circuitOpenDelay,
                           @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("100.0") @DefaultValue("50")
                           float circuitFailureRate,
                           @Min(1) @DefaultValue("4") int circuitMinimumCalls,
                           @NotNull @DefaultValue("30s") Duration circuitOpenDuration,
                           @Min(1) @DefaultValue("20") int ratePerSecond,
                           @NotNull @DefaultValue("5s") Duration timeout,
                           @NotNull @DefaultValue("30d") Duration retention,
                           @DefaultValue("true") boolean workerEnabled,
                           @Min(1) @jakarta.validation.constraints.Max(256) @DefaultValue("8") int concurrentTargets,
                           @NotNull @DefaultValue("10s") Duration shutdownWait,
                           @NotNull @DefaultValue("2s") Duration shutdownGrace) {
        @jakarta.validation.constraints.AssertTrue(message = "alert.delivery.shutdown-wait must not be negative")
        public boolean isShutdownWaitValid() {
            return shutdownWait == null || !shutdownWait.isNegative();
        }

        @jakarta.validation.constraints.AssertTrue(message = "alert.delivery.shutdown-grace must not be negative")
        public boolean isShutdownGraceValid() {
            return shutdownGrace == null || !shutdownGrace.isNegative();
        }

        @jakarta.validation.constraints.AssertTrue(message = "alert.delivery.initial-backoff must be at least 1ms")
        public boolean isInitialBackoffValid() {
            return initialBackoff == null || initialBackoff.toMillis() >= 1;
        }

        @jakarta.validation.constraints.AssertTrue(message = "alert.delivery.circuit-open-duration must be at least 1ms")
        public boolean isCircuitOpenDurationValid() {
            return circuitOpenDuration == null || circuitOpenDuration.toMillis() >= 1;
        }

        @jakarta.validation.constraints.AssertTrue(message = "alert.delivery.poll-interval must be positive")
        public boolean isPollIntervalValid() {
            return pollInterval == null || pollInterval.toMillis() >= 1;
        }

        @jakarta.validation.constraints.AssertTrue(message = "alert.delivery.timeout must be positive")
        public boolean isTimeoutValid() {
            return timeout == null || timeout.toMillis() >= 1;
        }
    }

    /**
     * The live stream's log and its clients.
     *
     * @param replayWindow how long stream messages are kept for clients that resume with {@code Last-Event-ID}
     * @param pollInterval how often each instance reads the log for messages written by other instances
     * @param gapWait      how long a missing cursor is waited for before the live stream goes past it
     * @param heartbeat    how often an idle stream gets a keep-alive frame carrying its current cursor
     * @param maxPerUser   live streams one user may have open on one instance (security review F9); beyond, 429
     * @param maxClients   live streams one instance serves in all; beyond, 429. Also the most threads writing to
     *                     them (one client at a time each, only while there is something to write): a client that
     *                     stopped reading holds one, until the container's write timeout, and no other client waits
     * @param clientBuffer messages (and keep-alives) one client may have waiting to be sent; a client further behind
     *                     (it stopped reading) is closed with a comment telling it to resume with Last-Event-ID
     * @param batch        stream messages read from the log in one query (live polling and replays)
     * @param maxConversations alerts whose conversation state one client keeps at most (the least recently touched
     *                     are forgotten)
     */
    public record Stream(@NotNull @DefaultValue("24h") Duration replayWindow,
                         @NotNull @DefaultValue("250ms") Duration pollInterval,
                         @NotNull @DefaultValue("2s") Duration gapWait,
                         @NotNull @DefaultValue("15s") Duration heartbeat,
                         @Min(1) @DefaultValue("5") int maxPerUser,
                         @Min(1) @DefaultValue("200") int maxClients,
                         @Min(1) @DefaultValue("1000") int clientBuffer,
                         @Min(1) @jakarta.validation.constraints.Max(10_000) @DefaultValue("200") int batch,
                         @Min(1) @jakarta.validation.constraints.Max(1_000_000) @DefaultValue("10000")
                         int maxConversations) {
        public Stream {
            if (pollInterval.isNegative() || pollInterval.isZero() || heartbeat.isNegative() || heartbeat.isZero()) {
                throw new IllegalArgumentException("alert.stream.poll-interval and heartbeat must be positive");
            }
        }
    }

    /**
     * @param allowList    host names, addresses or CIDR blocks that webhooks may reach although internal
     * @param requireHttps only https webhook URLs (security review F12: over http the alert and its signature travel
     *                     in clear and can be replayed within the receiver's window); the local profile turns it off
     */
    public record Webhook(List<String> allowList, @DefaultValue("true") boolean requireHttps) {
        public Webhook {
            allowList = allowList == null ? List.of() : List.copyOf(allowList);
        }
    }

    /**
     * @param subscriptionTopicPattern the (whole-name) pattern a Kafka subscription's topic must match; the topics of
     *                                 the BorderWatch catalogue are refused whatever it says
     */
    public record Kafka(@NotBlank @DefaultValue(DEFAULT_SUBSCRIPTION_TOPIC_PATTERN) String subscriptionTopicPattern) {
        public static final String DEFAULT_SUBSCRIPTION_TOPIC_PATTERN =
                "^border\\.alerts\\.partner\\.[a-z0-9][a-z0-9._-]{0,99}$";

        public Kafka {
            try {
                java.util.regex.Pattern.compile(subscriptionTopicPattern);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("alert.kafka.subscription-topic-pattern is not a valid regular "
                        + "expression: " + e.getMessage(), e);
            }
        }
    }

    /**
     * @param expiresAfter       CAP {@code expires} of an Alert or Update: {@code sent} + this
     * @param cancelExpiresAfter CAP {@code expires} of a Cancel (the all clear): {@code sent} + this
     * @param areas              path of a segment-areas JSON file replacing the built-in one (empty: built-in)
     */
    public record Cap(@NotBlank @DefaultValue("alerts@borderwatch.invalid") String sender,
                      @NotBlank @DefaultValue("BorderWatch") String senderName,
                      @NotNull @DefaultValue("24h") Duration expiresAfter,
                      @NotNull @DefaultValue("1h") Duration cancelExpiresAfter,
                      @NotNull @DefaultValue("") String areas) {
        public Cap {
            if (expiresAfter.isNegative() || expiresAfter.isZero() || cancelExpiresAfter.isNegative()
                    || cancelExpiresAfter.isZero()) {
                throw new IllegalArgumentException("alert.cap.expires-after and cancel-expires-after must be positive");
            }
        }
    }

    /**
     * @param interval delay between the end of one evaluation of the readiness group (for the
     *                 {@code borderwatch.readiness} gauge) and the start of the next; a check still running after it
     *                 makes the gauge 0
     */
    public record ReadinessGauge(
            @NotNull @DefaultValue(org.borderwatch.support.ReadinessGauge.DEFAULT_INTERVAL) Duration interval) {
        @jakarta.validation.constraints.AssertTrue(message = "alert.readiness-gauge.interval must be positive")
        public boolean isIntervalPositive() {
            return interval == null || interval.compareTo(Duration.ZERO) > 0;
        }
    }

    /**
     * The MongoDB client's limits (options in {@code spring.mongodb.uri} win over them) and the store health check's.
     *
     * @param connectTimeout         opening a connection
     * @param readTimeout            one socket read (an operation's answer); the driver's default waits for ever
     * @param serverSelectionTimeout finding a usable server
     * @param healthTimeout          the {@code store} health check's answer; past it the check answers DOWN
     * @param retryAfter             the {@code Retry-After} of an API call's 503 while the store does not answer
     * @param pageSize               alerts the periodic jobs (repeat, outbox relay, release of held-back alerts) read
     *                               from the store in one query
     * @param mutingPageSize         firing alerts read in one query when a silence's answer lists what it mutes now
     */
    public record Store(@NotNull @DefaultValue("5s") Duration connectTimeout,
                        @NotNull @DefaultValue("5s") Duration readTimeout,
                        @NotNull @DefaultValue("3s") Duration serverSelectionTimeout,
                        @NotNull @DefaultValue("2s") Duration healthTimeout,
                        @NotNull @DefaultValue("10s") Duration retryAfter,
                        @Min(1) @jakarta.validation.constraints.Max(10_000) @DefaultValue("100") int pageSize,
                        @Min(1) @jakarta.validation.constraints.Max(10_000) @DefaultValue("500") int mutingPageSize) {
        public Store {
            for (Duration d : new Duration[] {connectTimeout, readTimeout, serverSelectionTimeout, healthTimeout,
                    retryAfter}) {
                if (d != null && (d.isNegative() || d.isZero())) {
                    throw new IllegalArgumentException("alert.store.* timeouts must be positive");
                }
            }
        }
    }

    /**
     * @param maxPageSize the largest {@code size} the paged API queries (alerts, verdicts) take; above, 400
     * @param mutingNowMaxIds the most alert ids a silence's {@code mutingNow} lists (its {@code count} is all)
     * @param bulkMaxRows   the most outbox rows one bulk abandon or re-queue changes (the oldest the filter selects;
     *                      the answer says how many remain)
     * @param bulkSample    the rows a bulk answer (and its dry run) shows
     */
    public record Api(@Min(1) @jakarta.validation.constraints.Max(10_000) @DefaultValue(DEFAULT_MAX_PAGE_SIZE)
                      int maxPageSize,
                      @Min(1) @jakarta.validation.constraints.Max(10_000) @DefaultValue("200") int mutingNowMaxIds,
                      @Min(1) @jakarta.validation.constraints.Max(100_000) @DefaultValue("1000") int bulkMaxRows,
                      @Min(0) @jakarta.validation.constraints.Max(1_000) @DefaultValue("20") int bulkSample) {
        /** The default, also named in the API documentation (annotation texts are compile-time constants). */
        public static final String DEFAULT_MAX_PAGE_SIZE = "500";
    }

    /**
     * How long the expiry job keeps what it purges beyond {@code alert.delivery.retention} (DELIVERED rows),
     * {@code alert.silences.retention} and {@code alert.stream.replay-window}; a zero duration keeps for ever.
     *
     * @param audit            audit entries (who reviewed, acknowledged, silenced, subscribed, re-queued, abandoned),
     *                         by {@code at}
     * @param failedDeliveries FAILED and ABANDONED delivery rows, by their last change
     * @param batchSize        rows one delete removes (ids read first, then deleted by id)
     */
    public record Retention(@NotNull @DefaultValue("730d") Duration audit,
                            @NotNull @DefaultValue("90d") Duration failedDeliveries,
                            @Min(1) @jakarta.validation.constraints.Max(100_000) @DefaultValue("1000") int batchSize) {
        @jakarta.validation.constraints.AssertTrue(message = "alert.retention.audit and failed-deliveries must not be "
                + "negative (0 keeps for ever)")
        public boolean isRetentionValid() {
            return (audit == null || !audit.isNegative()) && (failedDeliveries == null
                    || !failedDeliveries.isNegative());
        }

        /** Entries older than this are purged; empty when {@code keep} is zero (kept for ever). */
        public static java.util.Optional<java.time.Instant> cutoff(java.time.Instant now, Duration keep) {
            return keep.isZero() ? java.util.Optional.empty() : java.util.Optional.of(now.minus(keep));
        }
    }

    public record Mail(@NotBlank @DefaultValue("borderwatch@localhost") String from) {
    }

    /**
     * @param users                   HTTP Basic users; passwords with a {@code {id}} prefix such as {@code {bcrypt}} or
     *                                {@code {noop}}
     * @param failedLoginLogInterval  failed logins of one user name from one address are logged at most once per this
     *                                (the line counts the failures it stands for)
     */
    public record Security(@Valid List<User> users,
                           @NotNull @DefaultValue("1m") Duration failedLoginLogInterval) {
        public Security {
            users = users == null ? List.of() : List.copyOf(users);
            failedLoginLogInterval = failedLoginLogInterval == null ? Duration.ofMinutes(1) : failedLoginLogInterval;
        }
    }

    public record User(@NotBlank String name, @NotBlank String password, @NotNull Set<String> roles) {
    }

    /**
     * Encryption of secrets at rest (webhook secrets in the {@code subscriptions} collection), AES-256-GCM.
     *
     * @param key          base64 of 32 random bytes ({@code openssl rand -base64 32}); required: the service does not
     *                     start without it (the {@code local} profile and the tests carry documented development keys);
     *                     in production from an environment variable ({@code ALERT_SECRETS_KEY}) or a file through
     *                     Spring Boot's {@code configtree} import (see README)
     * @param previousKeys keys used before a rotation: they still open what they sealed, and the start-up pass
     *                     re-seals those values with {@code key}
     */
    public record Secrets(@DefaultValue("") String key, List<String> previousKeys) {
        public Secrets {
            key = key == null ? "" : key.strip();
            previousKeys = previousKeys == null ? List.of() : List.copyOf(previousKeys);
        }

        @jakarta.validation.constraints.AssertTrue(message = "alert.secrets.key must be base64 of 32 bytes (256 "
                + "bits), e.g. the output of `openssl rand -base64 32`")
        public boolean isKeyValid() {
            return key.isEmpty() || org.borderwatch.alert.secrets.SecretCipher.keyProblem("alert.secrets.key", key)
                    == null;
        }

        @jakarta.validation.constraints.AssertTrue(message = "alert.secrets.previous-keys must each be base64 of 32 "
                + "bytes (256 bits)")
        public boolean isPreviousKeysValid() {
            return previousKeys.stream().allMatch(k -> org.borderwatch.alert.secrets.SecretCipher
                    .keyProblem("alert.secrets.previous-keys", k) == null);
        }
    }
}
