package org.borderwatch.alert.it;

import org.borderwatch.common.json.Json;
import org.borderwatch.testkit.BorderWatchInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A blind contract round ({@code api-round-1/cases.json}, written from the READMEs by somebody who never saw the
 * code; see {@code api-round-1/judged.md} for the steps corrected after judging): its steps run in order over real
 * HTTP against the service started once with the {@code local} profile — the documented users {@code staff} and
 * {@code admin} — on the testkit's broker and store, in a database and on a topic of its own (so the round sees a
 * fresh service, as it assumes). Every step is checked and every difference is reported at once.
 */
@BorderWatchInfrastructure
class ApiContractRoundIT {

    private static final Pattern REFERENCE = Pattern.compile("\\{(a-\\d+)\\.([^}]*)}");

    private static ConfigurableApplicationContext context;
    private static int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        String own = UUID.randomUUID().toString().substring(0, 8);
        // the local profile as documented (its users, its webhook rules), on a store and topic of the round's own
        context = OwnService.start("local", OwnService.onTestkit("api-round-" + own,
                "border.assessments.api-round-" + own, "alert-api-round-" + own));
        port = OwnService.port(context);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void everyStepOfTheRoundAnswersAsExpected() throws Exception {
        JsonNode round;
        try (InputStream in = ApiContractRoundIT.class.getResourceAsStream("/api-round-1/cases.json")) {
            round = Json.tree(in.readAllBytes());
        }
        JsonNode users = round.get("users");
        List<JsonNode> cases = new ArrayList<>();
        round.get("cases").forEach(cases::add);
        assertThat(cases).hasSize(60);

        Map<String, HttpResponse<String>> answers = new HashMap<>();
        List<String> differences = new ArrayList<>();
        for (JsonNode step : cases) {
            String id = step.get("id").asString();
            HttpResponse<String> response;
            try {
                response = send(step, users, answers);
            } catch (IOException | RuntimeException e) {
                differences.add(id + ": no answer: " + e);
                continue;
            }
            answers.put(id, response);
            List<String> wrong = check(step.get("expect"), response);
            if (!wrong.isEmpty()) {
                differences.add(id + " " + step.get("method").asString() + " " + response.request().uri().getRawPath()
                        + ": " + String.join("; ", wrong) + "\n      body: " + response.body());
            }
        }
        assertThat(differences).as("steps that differ (%d of %d):\n  %s", differences.size(), cases.size(),
                String.join("\n  ", differences)).isEmpty();
    }

    private HttpResponse<String> send(JsonNode step, JsonNode users, Map<String, HttpResponse<String>> answers)
            throws IOException, InterruptedException {
        String path = resolve(step.get("path").asString(), answers);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        JsonNode user = step.get("user");
        if (user != null && !user.isNull()) {
            String name = user.asString();
            String password = users.get(name).get("password").asString();
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        JsonNode headers = step.get("headers");
        if (headers != null) {
            headers.properties().forEach(h -> request.header(h.getKey(), h.getValue().asString()));
        }
        String body = null;
        if (step.hasNonNull("bodyRaw")) {
            body = step.get("bodyRaw").asString();
        } else if (step.hasNonNull("body")) {
            body = Json.write(step.get("body"));
        }
        request.method(step.get("method").asString(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** {@code {a-NN./pointer}} from an earlier body, {@code {a-NN.header.Name}} from its headers (a URL's path). */
    private static String resolve(String path, Map<String, HttpResponse<String>> answers) {
        Matcher m = REFERENCE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            HttpResponse<String> earlier = answers.get(m.group(1));
            if (earlier == null) {
                throw new IllegalStateException("no answer of " + m.group(1) + " to refer to");
            }
            String value;
            if (m.group(2).startsWith("header.")) {
                String header = earlier.headers().firstValue(m.group(2).substring("header.".length()))
                        .orElseThrow(() -> new IllegalStateException(m.group(1) + " has no " + m.group(2)));
                value = URI.create(header).getRawPath();
            } else {
                JsonNode node = Json.tree(earlier.body().getBytes(StandardCharsets.UTF_8)).at(m.group(2));
                if (node.isMissingNode()) {
                    throw new IllegalStateException(m.group(1) + " has no " + m.group(2));
                }
                value = node.asString();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> check(JsonNode expect, HttpResponse<String> response) {
        List<String> wrong = new ArrayList<>();
        int status = expect.get("status").asInt();
        if (response.statusCode() != status) {
            wrong.add("status expected " + status + ", got " + response.statusCode());
        }
        if (expect.hasNonNull("contentType")) {
            String expected = expect.get("contentType").asString();
            String got = response.headers().firstValue("Content-Type").orElse("(none)");
            if (!got.startsWith(expected)) {
                wrong.add("Content-Type expected " + expected + "…, got " + got);
            }
        }
        if (expect.has("headers")) {
            expect.get("headers").properties().forEach(e -> {
                String got = response.headers().firstValue(e.getKey()).orElse(null);
                String expected = e.getValue().isNull() ? null : e.getValue().asString();
                if (!java.util.Objects.equals(expected, got)) {
                    wrong.add("header " + e.getKey() + " expected " + (expected == null ? "(absent)" : expected)
                            + ", got " + (got == null ? "(absent)" : got));
                }
            });
        }
        if (expect.has("headersPresent")) {
            expect.get("headersPresent").forEach(h -> {
                if (response.headers().firstValue(h.asString()).isEmpty()) {
                    wrong.add("header " + h.asString() + " expected present, is absent");
                }
            });
        }
        if (expect.has("bodyExcludes")) {
            expect.get("bodyExcludes").forEach(text -> {
                if (response.body().contains(text.asString())) {
                    wrong.add("body expected without '" + text.asString() + "', has it");
                }
            });
        }
        boolean asksJson = expect.has("json") || expect.has("jsonPresent") || expect.has("jsonAbsent");
        if (!asksJson) {
            return wrong;
        }
        JsonNode body;
        try {
            body = Json.tree(response.body().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            wrong.add("body is not JSON");
            return wrong;
        }
        if (expect.has("json")) {
            expect.get("json").properties().forEach(e -> {
                JsonNode got = body.at(e.getKey());
                if (!got.equals(e.getValue())) {
                    wrong.add("'" + e.getKey() + "' expected " + e.getValue() + ", got "
                            + (got.isMissingNode() ? "(absent)" : got.toString()));
                }
            });
        }
        if (expect.has("jsonPresent")) {
            expect.get("jsonPresent").forEach(p -> {
                if (body.at(p.asString()).isMissingNode()) {
                    wrong.add("'" + p.asString() + "' expected present, is absent");
                }
            });
        }
        if (expect.has("jsonAbsent")) {
            expect.get("jsonAbsent").forEach(p -> {
                JsonNode got = body.at(p.asString());
                if (!got.isMissingNode()) {
                    wrong.add("'" + p.asString() + "' expected absent, got " + got);
                }
            });
        }
        return wrong;
    }
}
