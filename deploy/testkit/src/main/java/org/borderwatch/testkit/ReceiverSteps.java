package org.borderwatch.testkit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * The steps of a round that send nothing to the service but watch what it sent to the round's receivers:
 * {@code receiver} (the status a webhook path answers from now on), {@code expectWebhook}, {@code expectKafka} and
 * {@code expectMail}. Each waits up to its {@code timeoutSeconds} until its counts hold, then {@code holdSeconds}
 * more, then judges; a step's "answer" (for references) is the last request's or record's body.
 */
final class ReceiverSteps {

    /**
     * What a step found: its differences, the body later steps may refer to (null when none), what it watched
     * (for the difference's head) and what it saw (for the answers' file).
     */
    record Outcome(List<String> wrong, ContractRound.Answer answer, String watched, String seen) {
    }

    static final String SIGNATURE = "X-BorderWatch-Signature";
    static final String TIMESTAMP = "X-BorderWatch-Timestamp";
    static final String DELIVERY = WebhookReceiver.DELIVERY_HEADER;
    private static final long WINDOW_SECONDS = 300;
    private static final long WATCH_EVERY_MILLIS = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookReceiver webhooks;
    private final RoundFeed feed;
    private final UnaryOperator<String> feedTopics;
    private final RoundMailbox mailbox;

    ReceiverSteps(WebhookReceiver webhooks, RoundFeed feed, UnaryOperator<String> feedTopics, RoundMailbox mailbox) {
        this.webhooks = webhooks;
        this.feed = feed;
        this.feedTopics = feedTopics;
        this.mailbox = mailbox;
    }

    static boolean handles(JsonNode step) {
        return step.has("receiver") || step.has("expectWebhook") || step.has("expectKafka")
                || step.has("expectMail");
    }

    /** The step, its members already resolved (references, {@code {webhook}}). */
    Outcome run(JsonNode step) throws InterruptedException {
        long timeout = step.path("timeoutSeconds").asLong(0);
        if (step.has("receiver")) {
            return respond(step.get("receiver"));
        }
        if (step.has("expectWebhook")) {
            return webhook(step.get("expectWebhook"), timeout);
        }
        if (step.has("expectKafka")) {
            return kafka(step.get("expectKafka"), timeout);
        }
        return mail(step.get("expectMail"), timeout);
    }

    private Outcome respond(JsonNode receiver) {
        List<JsonNode> paths = new ArrayList<>();
        if (receiver.isArray()) {
            receiver.forEach(paths::add);
        } else {
            paths.add(receiver);
        }
        for (JsonNode p : paths) {
            required(webhooks, "webhook receiver").respond(p.get("path").asString(), p.get("respond").asInt());
        }
        return new Outcome(List.of(), null, "receiver", receiver.toString());
    }

    private Outcome webhook(JsonNode expect, long timeoutSeconds) throws InterruptedException {
        WebhookReceiver receiver = required(webhooks, "webhook receiver");
        String path = expect.get("path").asString();
        watch(() -> webhookCounts(expect, receiver.requests(path)).isEmpty(), timeoutSeconds,
                expect.path("holdSeconds").asLong(0));
        List<WebhookReceiver.Request> requests = receiver.requests(path);
        List<String> wrong = new ArrayList<>(webhookCounts(expect, requests));
        if (expect.hasNonNull("signatureSecret")) {
            String secret = expect.get("signatureSecret").asString();
            for (int i = 0; i < requests.size(); i++) {
                String bad = signatureProblem(requests.get(i), secret);
                if (bad != null) {
                    wrong.add("request " + (i + 1) + " of " + path + ": " + bad);
                }
            }
        }
        if (expect.path("distinctDeliveryIds").asBoolean(false)) {
            List<String> ids = requests.stream().filter(r -> r.answered() < 300).map(r -> r.header(DELIVERY))
                    .toList();
            if (new HashSet<>(ids).size() != ids.size() || ids.contains(null)) {
                wrong.add(DELIVERY + " expected distinct on the accepted requests, got " + ids);
            }
        }
        if (expect.path("sameDeliveryId").asBoolean(false)) {
            List<String> ids = requests.stream().map(r -> r.header(DELIVERY)).toList();
            if (ids.isEmpty() || ids.contains(null) || new HashSet<>(ids).size() != 1) {
                wrong.add(DELIVERY + " expected one value on every request, got " + ids);
            }
        }
        ContractRound.Answer last = null;
        if (!requests.isEmpty()) {
            WebhookReceiver.Request r = requests.get(requests.size() - 1);
            last = new ContractRound.Answer(r.answered(), lowerCased(r.headers()), r.bodyText());
        }
        judgeLast(expect, last, wrong);
        return new Outcome(wrong, last, "webhook " + path, requests.size() + " request(s), answered "
                + requests.stream().map(WebhookReceiver.Request::answered).toList()
                + (last == null ? "" : "\n    " + shorten(last.body())));
    }

    private static List<String> webhookCounts(JsonNode expect, List<WebhookReceiver.Request> requests) {
        List<String> wrong = new ArrayList<>();
        int accepted = (int) requests.stream().filter(r -> r.answered() >= 200 && r.answered() < 300).count();
        if (expect.has("count") && requests.size() != expect.get("count").asInt()) {
            wrong.add("requests expected " + expect.get("count").asInt() + ", got " + requests.size());
        }
        if (expect.has("minCount") && requests.size() < expect.get("minCount").asInt()) {
            wrong.add("requests expected at least " + expect.get("minCount").asInt() + ", got " + requests.size());
        }
        if (expect.has("acceptedCount") && accepted != expect.get("acceptedCount").asInt()) {
            wrong.add("accepted (2xx) requests expected " + expect.get("acceptedCount").asInt() + ", got "
                    + accepted);
        }
        if (!expect.has("count") && !expect.has("minCount") && !expect.has("acceptedCount") && requests.isEmpty()) {
            wrong.add("a request expected, none came");
        }
        return wrong;
    }

    /** HMAC-SHA256 over timestamp + "." + raw body, as {@code sha256=<hex>}, and the timestamp within 5 minutes. */
    static String signatureProblem(WebhookReceiver.Request request, String secret) {
        String timestamp = request.header(TIMESTAMP);
        String signature = request.header(SIGNATURE);
        if (timestamp == null || signature == null) {
            return "unsigned (" + TIMESTAMP + " " + timestamp + ", " + SIGNATURE + " " + signature + ")";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(request.body()));
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    signature.getBytes(StandardCharsets.UTF_8))) {
                return "signature " + signature + " is not the HMAC of its timestamp and body with the secret";
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return TIMESTAMP + " " + timestamp + " is not epoch seconds";
        }
        long off = Math.abs(request.receivedAt().getEpochSecond() - sent);
        if (off > WINDOW_SECONDS) {
            return TIMESTAMP + " " + timestamp + " is " + off + " s from the arrival at " + request.receivedAt();
        }
        return null;
    }

    private Outcome kafka(JsonNode expect, long timeoutSeconds) throws InterruptedException {
        RoundFeed records = required(feed, "Kafka feed");
        String topic = feedTopics.apply(expect.get("topic").asString());
        watch(() -> {
            int kept = kept(expect, records.records(topic)).size();
            return expect.has("count") ? kept == expect.get("count").asInt() : kept > 0;
        }, timeoutSeconds, expect.path("holdSeconds").asLong(0));
        List<RoundFeed.Record> kept = kept(expect, records.records(topic));
        List<String> wrong = new ArrayList<>();
        if (expect.has("count") && kept.size() != expect.get("count").asInt()) {
            wrong.add("records on " + topic + " expected " + expect.get("count").asInt() + ", got " + kept.size());
        }
        for (JsonNode h : expect.path("headersPresent")) {
            long without = kept.stream().filter(r -> r.headers().get(h.asString()) == null).count();
            if (without > 0) {
                wrong.add("header " + h.asString() + " expected on every record, " + without + " without it");
            }
        }
        if (expect.hasNonNull("distinctHeader")) {
            String name = expect.get("distinctHeader").asString();
            List<String> values = kept.stream().map(r -> r.headers().get(name)).toList();
            if (new HashSet<>(values).size() != values.size() || values.contains(null)) {
                wrong.add("header " + name + " expected distinct on every record, got " + values);
            }
        }
        ContractRound.Answer last = null;
        if (!kept.isEmpty()) {
            // the record's own headers go with its value, so that 'last' judges them too
            RoundFeed.Record r = kept.get(kept.size() - 1);
            Map<String, List<String>> headers = new HashMap<>();
            r.headers().forEach((name, value) -> headers.put(name, List.of(value)));
            last = new ContractRound.Answer(200, lowerCased(headers), r.value() == null ? "" : r.value());
        }
        judgeLast(expect, last, wrong);
        return new Outcome(wrong, last, "kafka " + topic, kept.size() + " record(s) kept"
                + (last == null ? "" : "\n    " + shorten(last.body())));
    }

    /** Headers by lower-case name, as an {@link ContractRound.Answer} looks them up; values of one name joined. */
    private static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new HashMap<>();
        headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                n -> new ArrayList<>()).addAll(values));
        return lower;
    }

    private static List<RoundFeed.Record> kept(JsonNode expect, List<RoundFeed.Record> records) {
        List<RoundFeed.Record> kept = new ArrayList<>();
        for (RoundFeed.Record r : records) {
            if (expect.hasNonNull("keyEquals") && !expect.get("keyEquals").asString().equals(r.key())) {
                continue;
            }
            if (expect.has("match")) {
                JsonNode value;
                try {
                    value = JSON.readTree(r.value());
                } catch (RuntimeException notJson) {
                    continue;
                }
                if (!expect.get("match").properties().stream()
                        .allMatch(m -> value.at(m.getKey()).equals(m.getValue()))) {
                    continue;
                }
            }
            kept.add(r);
        }
        return kept;
    }

    private Outcome mail(JsonNode expect, long timeoutSeconds) throws InterruptedException {
        RoundMailbox box = required(mailbox, "mailbox");
        String to = expect.get("to").asString();
        watch(() -> expect.has("count") ? box.received(to).size() == expect.get("count").asInt()
                : !box.received(to).isEmpty(), timeoutSeconds, expect.path("holdSeconds").asLong(0));
        List<RoundMailbox.Mail> mails = box.received(to);
        List<String> wrong = new ArrayList<>();
        if (expect.has("count") && mails.size() != expect.get("count").asInt()) {
            wrong.add("mails to " + to + " expected " + expect.get("count").asInt() + ", got " + mails.size());
        }
        if (mails.isEmpty()) {
            if (!expect.has("count")) {
                wrong.add("a mail to " + to + " expected, none came");
            }
            return new Outcome(wrong, null, "mail to " + to, "no mail");
        }
        RoundMailbox.Mail last = mails.get(mails.size() - 1);
        texts(expect, "subjectContains", "subject", last.subject(), true, wrong);
        texts(expect, "subjectNotContains", "subject", last.subject(), false, wrong);
        if (expect.hasNonNull("contentType") && (last.contentType() == null
                || !last.contentType().startsWith(expect.get("contentType").asString()))) {
            wrong.add("Content-Type expected " + expect.get("contentType").asString() + "…, got "
                    + last.contentType());
        }
        for (JsonNode h : expect.path("headersPresent")) {
            if (last.headers().getOrDefault(h.asString().toLowerCase(Locale.ROOT), List.of()).isEmpty()) {
                wrong.add("mail header " + h.asString() + " expected present, is absent");
            }
        }
        texts(expect, "textContains", "text part", last.text(), true, wrong);
        texts(expect, "htmlContains", "HTML part", last.html(), true, wrong);
        texts(expect, "htmlNotContains", "HTML part", last.html(), false, wrong);
        return new Outcome(wrong, null, "mail to " + to, mails.size() + " mail(s), the last: " + last.subject()
                + "\n    " + last.text() + "\n    " + last.html());
    }

    private static void texts(JsonNode expect, String member, String what, String got, boolean contains,
                              List<String> wrong) {
        for (JsonNode t : expect.path(member)) {
            String text = AnswerChecks.text(t);
            boolean has = got != null && got.contains(text);
            if (has != contains) {
                wrong.add(what + " expected " + (contains ? "to contain '" : "without '") + text + "', got "
                        + (got == null ? "(none)" : shorten(got)));
            }
        }
    }

    private static void judgeLast(JsonNode expect, ContractRound.Answer last, List<String> wrong) {
        if (!expect.has("last")) {
            return;
        }
        if (last == null) {
            wrong.add("'last' expected, nothing came");
            return;
        }
        wrong.addAll(AnswerChecks.checkLast(expect.get("last"), last));
    }

    /**
     * Until {@code met} holds (every {@value #WATCH_EVERY_MILLIS} ms) or the timeout; once it holds, {@code hold}
     * seconds more, so that what comes after it is judged too (no hold when the time ran out first).
     */
    private static void watch(BooleanSupplier met, long timeoutSeconds, long holdSeconds)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(timeoutSeconds);
        boolean held = met.getAsBoolean();
        while (!held && Instant.now().isBefore(deadline)) {
            Thread.sleep(WATCH_EVERY_MILLIS);
            held = met.getAsBoolean();
        }
        if (held && holdSeconds > 0) {
            Thread.sleep(Duration.ofSeconds(holdSeconds).toMillis());
        }
    }

    private static <T> T required(T part, String what) {
        if (part == null) {
            throw new IllegalStateException("a step for the " + what + ", and none given to the round");
        }
        return part;
    }

    private static String shorten(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "… (" + text.length() + " characters)";
    }
}
