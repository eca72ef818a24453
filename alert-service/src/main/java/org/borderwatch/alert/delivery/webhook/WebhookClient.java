package org.borderwatch.alert.delivery.webhook;

import org.borderwatch.alert.delivery.DeliveryException;
import org.borderwatch.alert.delivery.DeliveryFailures;
import org.borderwatch.alert.delivery.PermanentDeliveryException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts one signed webhook with the JDK HTTP client. 2xx is success; 408, 425, 429 and 5xx are worth retrying;
 * any other status is a permanent refusal. Redirects are not followed (a redirect could lead past the SSRF check).
 */
public final class WebhookClient {

    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;
    private final WebhookTargetPolicy policy;

    public WebhookClient(Clock clock, Duration timeout, WebhookTargetPolicy policy) {
        this.clock = clock;
        this.timeout = timeout;
        this.policy = policy;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * HTTP/1.1 for {@code http:} targets: the client's default (HTTP/2) would offer a cleartext upgrade
     * ({@code Connection: Upgrade, HTTP2-Settings}, {@code Upgrade: h2c}) on every POST, which some receivers and
     * proxies mishandle when the request has a body. {@code https:} targets keep HTTP/2, negotiated in the TLS
     * handshake (ALPN), falling back to HTTP/1.1 when the receiver has no HTTP/2.
     */
    static HttpClient.Version versionFor(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
    }

    /** @return the HTTP status code (2xx) */
    public int post(String url, String secret, String deliveryId, byte[] body, String contentType) {
        return post(url, secret, deliveryId, body, contentType, java.util.Map.of());
    }

    /**
     * @param headers further headers (ASCII values)
     * @return the HTTP status code (2xx)
     */
    public int post(String url, String secret, String deliveryId, byte[] body, String contentType,
                    java.util.Map<String, String> headers) {
        policy.problem(url).ifPresent(problem -> {
            throw new PermanentDeliveryException(problem, null);
        });
        long ts = clock.instant().getEpochSecond();
        URI uri = URI.create(url);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .version(versionFor(uri))
                .timeout(timeout)
                .header("Content-Type", contentType)
                .header("User-Agent", "BorderWatch-alert-service")
                .header(WebhookSignature.HEADER_TIMESTAMP, Long.toString(ts))
                .header(WebhookSignature.HEADER_SIGNATURE, WebhookSignature.sign(secret, ts, body))
                .header(WebhookSignature.HEADER_DELIVERY, deliveryId);
        headers.forEach(builder::header);
        HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<Void> response;
        // the request timeout ends when the answer's headers arrive; a receiver that then holds back the body would
        // hold the send (and the claim's lease) for ever, so the whole exchange is bounded as well
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            response = exchange.get(exchangeLimit().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // in words: "connection refused by host:443", "no answer from host:443 within 5s", "TLS handshake …"
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DeliveryException(DeliveryFailures.unreachable(target(request.uri()), cause, timeout), true, null,
                    cause);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new DeliveryException(DeliveryFailures.incompleteAnswer(target(request.uri()), exchangeLimit()), true,
                    null, e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while waiting for " + target(request.uri()), true, null, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return status;
        }
        boolean retryable = status == 408 || status == 425 || status == 429 || status >= 500;
        if (!retryable) {
            throw new PermanentDeliveryException(DeliveryFailures.httpStatus(status), status);
        }
        throw new DeliveryException(DeliveryFailures.httpStatus(status), true, status);
    }

    /** The longest a whole exchange may take: the connection, then the answer with its body (a timeout each). */
    Duration exchangeLimit() {
        return timeout.multipliedBy(2);
    }

    /** {@code host:port} of a webhook URL, with the scheme's port when the URL names none. */
    public static String target(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }
}
