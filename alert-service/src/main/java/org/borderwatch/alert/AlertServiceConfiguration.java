package org.borderwatch.alert;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.borderwatch.alert.cap.CapRenderer;
import org.borderwatch.alert.cap.SegmentAreas;
import org.borderwatch.alert.delivery.ChannelSender;
import org.borderwatch.alert.delivery.DeliveryWorker;
import org.borderwatch.alert.delivery.kafka.KafkaTopicPolicy;
import org.borderwatch.alert.delivery.webhook.WebhookClient;
import org.borderwatch.alert.delivery.webhook.WebhookTargetPolicy;
import org.borderwatch.alert.dispatch.AlertDispatcher;
import org.borderwatch.alert.inhibit.InhibitionRule;
import org.borderwatch.alert.inhibit.Inhibitor;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.lifecycle.LifecycleSettings;
import org.borderwatch.alert.routing.Subscription;
import org.borderwatch.alert.silence.Silences;
import org.borderwatch.alert.store.DeliveryStore;
import org.borderwatch.alert.store.SubscriptionStore;
import org.borderwatch.common.topic.Topics;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The composition root: plain-Java rules configured from {@link AlertProperties}, and the delivery worker. */
@Configuration(proxyBeanMethods = false)
public class AlertServiceConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AlertMetrics alertMetrics(MeterRegistry registry) {
        return new AlertMetrics(registry);
    }

    @Bean
    AlertLifecycle alertLifecycle(Clock clock, AlertProperties p) {
        return new AlertLifecycle(clock, new LifecycleSettings(p.lifecycle().repeatInterval(),
                p.lifecycle().repeatMinSeverity(), p.publicBaseUrl()));
    }

    @Bean
    Inhibitor inhibitor(AlertProperties p) {
        return new Inhibitor(p.inhibition().stream()
                .map(r -> new InhibitionRule(r.sourceSeverity(), r.targetSeverities(), r.window())).toList());
    }

    @Bean
    Silences silences(Clock clock, AlertProperties p) {
        return new Silences(clock, p.silences().maxDuration(), p.silences().staffMaxDuration());
    }

    @Bean
    CapRenderer capRenderer(AlertProperties p) {
        SegmentAreas areas = p.cap().areas().isBlank() ? SegmentAreas.builtIn()
                : SegmentAreas.load(java.nio.file.Path.of(p.cap().areas()));
        return new CapRenderer(p.cap().sender(), p.cap().senderName(), p.cap().expiresAfter(),
                p.cap().cancelExpiresAfter(), areas);
    }

    /**
     * The cipher of secrets at rest. Without {@code alert.secrets.key} the service does not start: webhook secrets
     * are never written in clear (the {@code local} profile and the tests set documented development keys).
     */
    @Bean
    org.borderwatch.alert.secrets.SecretCipher secretCipher(AlertProperties p) {
        if (p.secrets().key().isEmpty()) {
            throw new IllegalStateException("alert.secrets.key is not set: webhook secrets are stored encrypted "
                    + "with it (AES-256-GCM). Give base64 of 32 random bytes (`openssl rand -base64 32`) in the "
                    + "environment variable ALERT_SECRETS_KEY or as a file through spring.config.import=configtree:… "
                    + "(see README, Configuration); keep it, or stored secrets cannot be read");
        }
        return org.borderwatch.alert.secrets.SecretCipher.of(p.secrets().key(), p.secrets().previousKeys());
    }

    /** The system's name resolution for webhook hosts (the integration tests put a scripted one first). */
    @Bean
    WebhookTargetPolicy.Resolver webhookResolver() {
        return java.net.InetAddress::getAllByName;
    }

    @Bean
    WebhookTargetPolicy webhookTargetPolicy(AlertProperties p, WebhookTargetPolicy.Resolver resolver) {
        return new WebhookTargetPolicy(p.webhook().allowList(), p.webhook().requireHttps(), resolver);
    }

    /**
     * Kafka subscription topics: the configured pattern, never a catalogue topic (nor the configured feed), never the
     * families of pipeline topics ({@code border.reports.*}: raw, normalized, rejected; {@code border.assessments.*}:
     * e.g. a consumer's dead-letter topic) and never Kafka's internal topics.
     */
    @Bean
    KafkaTopicPolicy kafkaTopicPolicy(AlertProperties p) {
        java.util.Set<String> reserved = new java.util.HashSet<>();
        Topics.all().forEach(t -> reserved.add(t.name()));
        reserved.add(p.topics().alerts());
        reserved.add(p.topics().assessments());
        return new KafkaTopicPolicy(java.util.regex.Pattern.compile(p.kafka().subscriptionTopicPattern()), reserved,
                java.util.stream.Stream.of("border.reports.", Topics.ASSESSMENTS.name() + ".",
                        p.topics().assessments() + ".", "__").distinct().toList());
    }

    @Bean
    WebhookClient webhookClient(Clock clock, AlertProperties p, WebhookTargetPolicy policy) {
        return new WebhookClient(clock, p.delivery().timeout(), policy);
    }

    /** Stops the delivery worker first on shutdown, while the store and the producers still work. */
    @Bean
    org.borderwatch.alert.dispatch.DeliveryWorkerLifecycle deliveryWorkerLifecycle(DeliveryWorker worker) {
        return new org.borderwatch.alert.dispatch.DeliveryWorkerLifecycle(worker);
    }

    @Bean
    DeliveryWorker deliveryWorker(DeliveryStore store, SubscriptionStore subscriptions, AlertDispatcher dispatcher,
                                  List<ChannelSender> senders, CircuitBreakerRegistry circuitBreakers,
                                  RetryRegistry retries, RateLimiterRegistry rateLimiters, AlertProperties p,
                                  Clock clock, AlertMetrics metrics) {
        Subscription feed = dispatcher.feed();
        String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
        return new DeliveryWorker(owner, store,
                id -> feed.id().equals(id) ? Optional.of(feed) : subscriptions.find(id),
                senders, circuitBreakers, retries, rateLimiters, p.delivery(), clock, metrics);
    }
}
