package org.borderwatch.alert.delivery;

import javax.net.ssl.SSLException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a delivery's {@code lastError}, written for the operator who reads
 * {@code GET /api/v1/alerts/{id}/deliveries}: what happened and with which target ("connection refused by
 * hooks.example.org:443", "no answer from hooks.example.org:443 within 5s", "HTTP 503 Service Unavailable",
 * "TLS handshake with …:443 failed: …", "circuit open for …:443 since … (last failure: …)", "SMTP 550 5.1.1 …"),
 * never a Java class name. Plain Java; the channels and the worker pick the sentence, this class words it. These
 * texts go to the store and the log only — metric tags stay the fixed outcome names.
 */
public final class DeliveryFailures {

    private DeliveryFailures() {
    }

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(402, "Payment Required"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"), Map.entry(407, "Proxy Authentication Required"),
            Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"), Map.entry(410, "Gone"),
            Map.entry(411, "Length Required"), Map.entry(412, "Precondition Failed"),
            Map.entry(413, "Content Too Large"), Map.entry(414, "URI Too Long"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(421, "Misdirected Request"),
            Map.entry(422, "Unprocessable Content"), Map.entry(425, "Too Early"),
            Map.entry(426, "Upgrade Required"), Map.entry(429, "Too Many Requests"),
            Map.entry(431, "Request Header Fields Too Large"), Map.entry(451, "Unavailable For Legal Reasons"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"), Map.entry(505, "HTTP Version Not Supported"),
            Map.entry(507, "Insufficient Storage"), Map.entry(511, "Network Authentication Required"));

    /** An SMTP reply as the server wrote it: a three-digit code, then text (possibly an enhanced code). */
    private static final Pattern SMTP_REPLY = Pattern.compile("^([2-5]\\d\\d)[ -](.*)$", Pattern.DOTALL);

    /** {@code HTTP 503 Service Unavailable}; a status without a registered phrase is just {@code HTTP 599}. */
    public static String httpStatus(int status) {
        String phrase = REASONS.get(status);
        return "HTTP " + status + (phrase == null ? "" : " " + phrase);
    }

    /**
     * Why a connection to {@code target} (host:port) gave no answer, from the I/O error of the client.
     *
     * @param timeout the configured connect/request timeout, named in the text (null: not known)
     */
    public static String unreachable(String target, Throwable error, Duration timeout) {
        if (has(error, HttpConnectTimeoutException.class) || hasKindNamed(error, "ConnectTimeoutException")) {
            return "no connection to " + target + within(timeout);
        }
        if (has(error, HttpTimeoutException.class) || has(error, SocketTimeoutException.class)) {
            return "no answer from " + target + within(timeout);
        }
        if (has(error, UnresolvedAddressException.class) || has(error, UnknownHostException.class)) {
            return "host name not found: " + host(target);
        }
        Optional<Throwable> tls = find(error, SSLException.class);
        if (tls.isPresent()) {
            return "TLS handshake with " + target + " failed: " + words(tls.get());
        }
        if (has(error, NoRouteToHostException.class)) {
            return "no route to " + target;
        }
        if (has(error, ConnectException.class)) {
            return "connection refused by " + target;
        }
        if (has(error, EOFException.class) || messageContains(error, "received no bytes")
                || messageContains(error, "Connection reset") || messageContains(error, "closed")) {
            return target + " closed the connection without an answer";
        }
        return "could not reach " + target + ": " + words(error);
    }

    /**
     * The SMTP server's reply in an e-mail failure, when there is one ({@code 550 5.1.1 <a@b>: user unknown}), as
     * {@code SMTP 550 5.1.1 <a@b>: user unknown}; the code tells a refusal for good (5xx) from a passing one (4xx).
     */
    public static Optional<SmtpReply> smtpReply(Throwable error) {
        for (Throwable t : chain(error)) {
            String m = t.getMessage();
            if (m != null) {
                Matcher r = SMTP_REPLY.matcher(m.strip());
                if (r.matches()) {
                    return Optional.of(new SmtpReply(Integer.parseInt(r.group(1)),
                            "SMTP " + r.group(1) + " " + r.group(2).strip()));
                }
            }
        }
        return Optional.empty();
    }

    /** @param text {@code SMTP <code> <server's words>} */
    public record SmtpReply(int code, String text) {
        public boolean permanent() {
            return code >= 500;
        }
    }

    /**
     * A circuit breaker that does not let calls through: since when, and the failure that opened it, so the
     * operator sees the cause and not only the consequence.
     */
    public static String circuitOpen(String target, Instant since, String lastFailure) {
        return "circuit open for " + target
                + (since == null ? "" : " since " + since.truncatedTo(ChronoUnit.SECONDS))
                + (lastFailure == null ? "" : " (last failure: " + lastFailure + ")");
    }

    /** A round whose last attempt failed, then the target's circuit opened before the round could try again. */
    public static String failedThenCircuitOpened(String lastFailure, String target) {
        return (lastFailure == null ? "the call failed" : lastFailure) + "; then the circuit for " + target
                + " opened";
    }

    /** The reason of a FAILED delivery after its last round. */
    public static String gaveUp(int attempts, int rounds, String lastFailure) {
        return "gave up after " + attempts + " attempts in " + rounds + " rounds; last failure: " + lastFailure;
    }

    /** The rate limiter of a target had no permit: the delivery waits for the next one (not an attempt). */
    public static String rateLimited(String target, int perSecond) {
        return "rate limit for " + target + " reached (" + perSecond + " per second); deferred to its next permit";
    }

    /** A round whose attempt failed, then its retry found no permit from the target's rate limiter. */
    public static String failedThenRateLimited(String lastFailure, String target) {
        return (lastFailure == null ? "the call failed" : lastFailure) + "; then the rate limit for " + target
                + " left no permit for another attempt";
    }

    /**
     * A receiver that sent the beginning of its answer but not the rest within the limit of a whole exchange:
     * {@code no complete answer from hooks.example.org:443 within 10s}.
     */
    public static String incompleteAnswer(String target, Duration limit) {
        return "no complete answer from " + target + within(limit);
    }

    private static String within(Duration timeout) {
        return timeout == null ? "" : " within " + seconds(timeout);
    }

    /** {@code 5s}, {@code 1.5s}, {@code 500ms}, {@code 2min}. */
    public static String seconds(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + "ms";
        }
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + "min";
        }
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + "s";
        }
        return String.format(java.util.Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    /**
     * A readable line from an error with no better mapping: its message (without a leading {@code a.b.Class: }
     * that some libraries put there), else a few words of its kind.
     */
    public static String words(Throwable error) {
        for (Throwable t : chain(error)) {
            String m = t.getMessage();
            if (m != null && !m.isBlank()) {
                return m.replaceAll("(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error): ?", "")
                        .strip();
            }
        }
        // no message anywhere: name the kind in words (SocketException -> "socket error")
        String name = error.getClass().getSimpleName().replaceAll("(Exception|Error)$", "");
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT) + " error";
    }

    private static boolean has(Throwable error, Class<? extends Throwable> kind) {
        return find(error, kind).isPresent();
    }

    /** By simple class name, for an HTTP client's own exception kinds without importing the client here. */
    private static boolean hasKindNamed(Throwable error, String simpleName) {
        for (Throwable t : chain(error)) {
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (c.getSimpleName().equals(simpleName)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<Throwable> find(Throwable error, Class<? extends Throwable> kind) {
        for (Throwable t : chain(error)) {
            if (kind.isInstance(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static boolean messageContains(Throwable error, String words) {
        for (Throwable t : chain(error)) {
            if (t.getMessage() != null && t.getMessage().contains(words)) {
                return true;
            }
        }
        return false;
    }

    /** An error and its causes (a mail error's cause is its "next exception"), each once, at most 20. */
    private static java.util.List<Throwable> chain(Throwable error) {
        java.util.List<Throwable> out = new java.util.ArrayList<>();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = error; t != null && out.size() < 20 && seen.add(t); t = t.getCause()) {
            out.add(t);
        }
        return out;
    }

    private static String host(String target) {
        int colon = target.lastIndexOf(':');
        return colon > 0 ? target.substring(0, colon) : target;
    }
}
