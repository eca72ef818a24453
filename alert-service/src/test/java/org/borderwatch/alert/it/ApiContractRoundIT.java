package org.borderwatch.alert.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.internet.MimeMessage;
import org.borderwatch.testkit.BorderWatchInfrastructure;
import org.borderwatch.testkit.ContractRound;
import org.borderwatch.testkit.KafkaRoundFeed;
import org.borderwatch.testkit.RoundMailbox;
import org.borderwatch.testkit.TestInfrastructure;
import org.borderwatch.testkit.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blind contract rounds ({@code api-round-N/cases.json}, written from the READMEs by somebody who never saw the
 * code; see {@code api-round-N/judged.md} for the steps corrected after judging): each round's steps run in order
 * (the testkit's {@link ContractRound}, shared with ingest-service's round) over real HTTP, and its assessments
 * through a real producer, against the service started for that round with the {@code local} profile — the
 * documented users {@code staff} and {@code admin}, sent as HTTP Basic — on the testkit's broker and store, in a
 * database, on an assessments topic and in a consumer group of its own (so each round sees a fresh service, as it
 * assumes). Every step is checked and every difference is reported at once.
 *
 * <p>Round 3 ({@code api-round-3}, deliveries) also needs the round's receivers, started before the service: a real
 * HTTP webhook receiver ({@code {webhook}}), GreenMail as the SMTP server ({@code {smtp}}) and a consumer of the
 * service's own alerts topic; and the settings its {@code README.md} lists (no group wait, short retries, a circuit
 * breaker that never opens within the round).
 */
@BorderWatchInfrastructure
class ApiContractRoundIT {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"api-round-1", "api-round-2"})
    void everyStepOfTheRoundAnswersAsExpected(String round) throws Exception {
        String own = round + "-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = "border.assessments." + own;
        // the local profile as documented (its users, its webhook rules), on a store and topic of the round's own
        ConfigurableApplicationContext context = OwnService.start("local",
                OwnService.onTestkit(own, topic, "alert-" + own));
        // the rounds' conventions: a body without headers is JSON; the round's topic is the service's own one
        try (ContractRound steps = ContractRound.load(ApiContractRoundIT.class.getResourceAsStream(
                "/" + round + "/cases.json")).defaultContentType("application/json")
                .kafka(TestInfrastructure.kafkaBootstrapServers(), roundTopic -> topic)) {
            play(round, steps, 60, context);
        }
    }

    /** Every step against the started service (closed after), the answers kept, no difference allowed. */
    private static void play(String round, ContractRound steps, int size, ConfigurableApplicationContext context)
            throws IOException {
        try (context) {
            assertThat(steps.size()).isEqualTo(size);
            List<String> differences = steps.run(OwnService.port(context), ContractRound.Credentials.basic());
            steps.writeAnswers(Path.of("target", round + "-answers.txt"));
            assertThat(differences).as("%s: %s", round, steps.report(differences)).isEmpty();
        }
    }

    @Test
    void everyStepOfTheDeliveryRoundArrivesAsExpected() throws Exception {
        String round = "api-round-3";
        String own = round + "-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = "border.assessments." + own;
        String alerts = "border.alerts." + own;
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Map<String, String> settings = OwnService.onTestkit(own, topic, "alert-" + own);
        settings.putAll(roundThreeSettings(smtp.getSmtp().getPort(), alerts));
        try (WebhookReceiver webhooks = new WebhookReceiver(200);
             KafkaRoundFeed feed = new KafkaRoundFeed(TestInfrastructure.kafkaBootstrapServers());
             ContractRound steps = ContractRound.load(ApiContractRoundIT.class.getResourceAsStream(
                     "/" + round + "/cases.json")).defaultContentType("application/json")
                     .kafka(TestInfrastructure.kafkaBootstrapServers(), roundTopic -> topic)
                     .webhooks(webhooks)
                     .feed(feed, roundTopic -> alerts)
                     .mail(to -> received(smtp, to), "127.0.0.1:" + smtp.getSmtp().getPort())) {
            play(round, steps, 50, OwnService.start("local", settings));
        } finally {
            smtp.stop();
        }
    }

    /** What {@code api-round-3/README.md} says the service starts with, beside the local profile. */
    private static Map<String, String> roundThreeSettings(int smtpPort, String alertsTopic) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.mail.port", String.valueOf(smtpPort));
        settings.put("alert.topics.alerts", alertsTopic);
        settings.put("alert.lifecycle.group-wait", "0s");
        settings.put("alert.delivery.max-attempts", "2");
        settings.put("alert.delivery.initial-backoff", "200ms");
        settings.put("alert.delivery.backoff-multiplier", "2.0");
        settings.put("alert.delivery.jitter", "0.2");
        settings.put("alert.delivery.max-rounds", "4");
        settings.put("alert.delivery.round-backoff", "3s");
        settings.put("alert.delivery.circuit-minimum-calls", "100");
        settings.put("alert.delivery.circuit-failure-rate", "100");
        settings.put("alert.webhook.allow-list[0]", "127.0.0.1");
        settings.put("alert.webhook.allow-list[1]", "localhost");
        return settings;
    }

    /** GreenMail's messages to {@code to}, as the round reads them (subject, headers, the text and HTML parts). */
    private static List<RoundMailbox.Mail> received(GreenMail smtp, String to) {
        List<RoundMailbox.Mail> mails = new ArrayList<>();
        try {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                Address[] recipients = m.getAllRecipients();
                if (recipients == null || Arrays.stream(recipients).noneMatch(a -> a.toString().contains(to))) {
                    continue;
                }
                Map<String, List<String>> headers = new LinkedHashMap<>();
                for (Header h : Collections.list(m.getAllHeaders())) {
                    headers.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                            .add(h.getValue());
                }
                mails.add(new RoundMailbox.Mail(m.getSubject(), m.getContentType(), headers,
                        EmailAndStreamIT.bodyOf(m, "text/plain"), EmailAndStreamIT.bodyOf(m, "text/html")));
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read a received mail", e);
        }
        return mails;
    }
}
