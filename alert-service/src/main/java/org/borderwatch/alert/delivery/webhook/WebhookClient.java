package org.borderwatch.alert.delivery.webhook;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.core5.concurrent.DefaultThreadFactory;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.nio.entity.DiscardingEntityConsumer;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;
import org.borderwatch.alert.delivery.DeliveryException;
import org.borderwatch.alert.delivery.DeliveryFailures;
import org.borderwatch.alert.delivery.PermanentDeliveryException;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts one signed webhook with Apache HttpClient 5 (async). 2xx is success; 408, 425, 429 and 5xx are worth
 * retrying; any other status is a permanent refusal. Redirects are not followed (a redirect could lead past the SSRF
 * check); the client retries nothing by itself (the delivery worker's Resilience4j does).
 *
 * <p><b>One resolution per connection (code review F11, DNS rebinding).</b> The client's connection manager resolves
 * host names through {@link PinnedResolver}: {@link WebhookTargetPolicy#checkedAddresses} resolves the name once,
 * checks every address, and the connection is made to exactly those addresses — there is no second lookup that a
 * receiver-controlled DNS name could answer differently. The request still names the original host: the
 * {@code Host} header, the TLS SNI and the certificate's host-name check are for the URL's name, not the address.
 * The checks that need no DNS (scheme, credentials, an address literal) run before the send.
 */
public final class WebhookClient implements AutoCloseable {

    private final CloseableHttpAsyncClient http;
    private final Clock clock;
    private final Duration timeout;
    private final WebhookTargetPolicy policy;

    public WebhookClient(Clock clock, Duration timeout, WebhookTargetPolicy policy) {
        this(clock, timeout, policy, SSLContexts.createSystemDefault());
    }

    /** @param tls the TLS context (trusted certificates); the system default outside tests */
    WebhookClient(Clock clock, Duration timeout, WebhookTargetPolicy policy, SSLContext tls) {
        this.clock = clock;
        this.timeout = timeout;
        this.policy = policy;
        Timeout limit = Timeout.of(timeout);
        PoolingAsyncClientConnectionManager connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setDnsResolver(new PinnedResolver(policy))
                // host-name verification (the default verifier) and SNI for the URL's host name
                .setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(tls)
                        .setHostVerificationPolicy(HostnameVerificationPolicy.BOTH)
                        .setHostnameVerifier(HttpsSupport.getDefaultHostnameVerifier())
                        .buildAsync())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(limit).setSocketTimeout(limit).build())
                // https: HTTP/2 when the receiver offers it in the TLS handshake (ALPN), else HTTP/1.1;
                // http: always HTTP/1.1, never a cleartext upgrade offer (Upgrade: h2c)
                .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.NEGOTIATE)
                        .setHandshakeTimeout(limit).build())
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS_PER_TARGET)
                .build();
        this.http = HttpAsyncClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(limit).setRedirectsEnabled(false).build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(IO_THREADS).build())
                .setThreadFactory(new DefaultThreadFactory("webhook-io", true))
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
        this.http.start();
    }

    /** Connections kept at most in all (the worker sends to at most 256 targets at once, one send each). */
    static final int MAX_CONNECTIONS = 512;
    /** Connections kept at most to one receiver (host and port). */
    static final int MAX_CONNECTIONS_PER_TARGET = 4;
    /** Threads of the client's I/O reactor (non-blocking: they only move bytes). */
    static final int IO_THREADS = 2;

    /**
     * The connection manager's name resolver: the policy's one checked resolution. A refused or unresolvable name
     * throws {@link WebhookTargetPolicy.RefusedHostException}, which ends the send as a permanent failure.
     */
    static final class PinnedResolver implements DnsResolver {
        private final WebhookTargetPolicy policy;

        PinnedResolver(WebhookTargetPolicy policy) {
            this.policy = policy;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return policy.checkedAddresses(host);
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            return Arrays.stream(resolve(host)).map(a -> new InetSocketAddress(a, port)).toList();
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host; // asked only for Kerberos/SPNEGO, which webhooks never use
        }
    }

    /** @return the HTTP status code (2xx) */
    public int post(String url, String secret, String deliveryId, byte[] body, String contentType) {
        return post(url, secret, deliveryId, body, contentType, Map.of());
    }

    /**
     * @param headers further headers (ASCII values)
     * @return the HTTP status code (2xx)
     */
    public int post(String url, String secret, String deliveryId, byte[] body, String contentType,
                    Map<String, String> headers) {
        policy.urlProblem(url).ifPresent(problem -> {
            throw new PermanentDeliveryException(problem, null);
        });
        long ts = clock.instant().getEpochSecond();
        URI uri = URI.create(url);
        SimpleRequestBuilder builder = SimpleRequestBuilder.post(uri)
                .setBody(body, ContentType.parse(contentType))
                .setHeader("User-Agent", "BorderWatch-alert-service")
                .setHeader(WebhookSignature.HEADER_TIMESTAMP, Long.toString(ts))
                .setHeader(WebhookSignature.HEADER_SIGNATURE, WebhookSignature.sign(secret, ts, body))
                .setHeader(WebhookSignature.HEADER_DELIVERY, deliveryId);
        headers.forEach(builder::setHeader);
        SimpleHttpRequest request = builder.build();
        HeadNoticingConsumer consumer = new HeadNoticingConsumer();
        // the response timeout is a limit on silence; a receiver that trickles its answer would hold the send (and
        // the claim's lease) for ever, so the whole exchange is bounded as well
        Future<Message<HttpResponse, Void>> exchange = http.execute(SimpleRequestProducer.create(request), consumer,
                null);
        Message<HttpResponse, Void> response;
        try {
            response = exchange.get(exchangeLimit().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            Optional<Throwable> refused = refusal(cause);
            if (refused.isPresent()) {
                throw new PermanentDeliveryException(refused.get().getMessage(), null);
            }
            if (consumer.headReceived() && cause instanceof SocketTimeoutException) {
                throw new DeliveryException(DeliveryFailures.incompleteAnswer(target(uri), timeout), true, null,
                        cause);
            }
            // in words: "connection refused by host:443", "no answer from host:443 within 5s", "TLS handshake …"
            throw new DeliveryException(DeliveryFailures.unreachable(target(uri), cause, timeout), true, null, cause);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new DeliveryException(DeliveryFailures.incompleteAnswer(target(uri), exchangeLimit()), true,
                    null, e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while waiting for " + target(uri), true, null, e);
        } catch (CancellationException e) {
            throw new DeliveryException("the send to " + target(uri) + " was cancelled", true, null, e);
        }
        int status = response.getHead().getCode();
        if (status >= 200 && status < 300) {
            return status;
        }
        boolean retryable = status == 408 || status == 425 || status == 429 || status >= 500;
        if (!retryable) {
            throw new PermanentDeliveryException(DeliveryFailures.httpStatus(status), status);
        }
        throw new DeliveryException(DeliveryFailures.httpStatus(status), true, status);
    }

    /** The policy's refusal (from the pinned resolver) somewhere in an error's causes. */
    private static Optional<Throwable> refusal(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof WebhookTargetPolicy.RefusedHostException) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Reads the answer's head, throws its body away, and remembers whether the head came. */
    private static final class HeadNoticingConsumer extends BasicResponseConsumer<Void> {
        private volatile boolean head;

        HeadNoticingConsumer() {
            super(new DiscardingEntityConsumer<>());
        }

        @Override
        public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context,
                                    FutureCallback<Message<HttpResponse, Void>> callback)
                throws HttpException, IOException {
            head = true;
            super.consumeResponse(response, entity, context, callback);
        }

        boolean headReceived() {
            return head;
        }
    }

    /** Stops the client's I/O threads and closes its connections (the context's shutdown). */
    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
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
