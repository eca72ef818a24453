package org.borderwatch.alert.delivery.webhook;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import org.borderwatch.testkit.WebhookReceiver;
import org.borderwatch.alert.delivery.DeliveryException;
import org.borderwatch.alert.delivery.PermanentDeliveryException;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.KeyStore;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The webhook client against real local receivers: the whole-exchange limit, and (code review F11) one checked name
 * resolution per connection, the connection made to the checked address under the URL's host name (Host header,
 * TLS SNI and certificate check). A receiver that answers its headers at once and then holds back the body must not hold a send (and its claim's
 * lease) for ever: the request timeout ends with the headers, so the whole exchange has a limit of its own.
 */
class WebhookClientTest {

    @Test
    void aReceiverThatStallsAfterItsHeadersFailsTheSendWithinTheExchangeLimit() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread receiver = new Thread(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    byte[] buffer = new byte[8192];
                    StringBuilder head = new StringBuilder();
                    while (!head.toString().contains("\r\n\r\n")) {
                        int n = in.read(buffer);
                        if (n < 0) {
                            return;
                        }
                        head.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    }
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nthe start of a body"
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    done.await(30, TimeUnit.SECONDS); // ... and the rest never comes
                } catch (Exception e) {
                    // the test ended
                }
            }, "stalling-receiver");
            receiver.setDaemon(true);
            receiver.start();
            @SuppressWarnings("resource") // closed by the context in the service; here the JVM ends it
            WebhookClient client = new WebhookClient(Clock.systemUTC(), Duration.ofMillis(400),
                    new WebhookTargetPolicy(List.of("127.0.0.1")));
            String target = "127.0.0.1:" + server.getLocalPort();

            assertThatThrownBy(() -> client.post("http://" + target + "/hook", "a-secret-of-16-chars", "id-1",
                    "{}".getBytes(StandardCharsets.UTF_8), "application/json"))
                    .isInstanceOf(DeliveryException.class)
                    .hasMessage("no complete answer from " + target + " within 800ms");
        } finally {
            done.countDown();
        }
    }

    /**
     * A test DNS: each name answers its list of addresses in turn (the last one for ever after), and every lookup
     * is counted. The names do not exist in real DNS, so a delivery that reaches the local receiver under one of
     * them can only have gone to the address this resolver gave.
     */
    private static final class ScriptedDns implements WebhookTargetPolicy.Resolver {
        private final Map<String, List<String>> answers = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

        ScriptedDns answer(String host, String... addresses) {
            answers.put(host, List.of(addresses));
            return this;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            if (WebhookTargetPolicy.isAddressLiteral(host)) {
                return new InetAddress[] {InetAddress.getByName(host)}; // a literal: parsed, as Java's resolver does
            }
            List<String> script = answers.get(host);
            if (script == null) {
                throw new UnknownHostException(host);
            }
            int n = lookups.computeIfAbsent(host, k -> new AtomicInteger()).getAndIncrement();
            return new InetAddress[] {InetAddress.getByName(script.get(Math.min(n, script.size() - 1)))};
        }

        int lookups(String host) {
            AtomicInteger n = lookups.get(host);
            return n == null ? 0 : n.get();
        }
    }

    private static final byte[] BODY = "{\"alerts\":[]}".getBytes(StandardCharsets.UTF_8);
    private static final String SECRET = "a-secret-of-16-chars";

    @Test
    void aNameThatRebindsToAForbiddenAddressAfterTheSubscriptionCheckIsRefusedAtSendTime() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            int port = URI.create(receiver.url("/")).getPort();
            // public when the subscription is checked, loopback (the receiver's address) a moment later
            ScriptedDns dns = new ScriptedDns().answer("rebind.example", "93.184.216.34", "127.0.0.1");
            WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of(), dns);
            String url = "http://rebind.example:" + port + "/hook";
            assertThat(policy.problem(url)).isEmpty();

            try (WebhookClient client = new WebhookClient(Clock.systemUTC(), Duration.ofSeconds(2), policy)) {
                assertThatThrownBy(() -> client.post(url, SECRET, "id-rebind", BODY, "application/json"))
                        .isInstanceOf(PermanentDeliveryException.class)
                        .hasMessage("webhook host 'rebind.example' resolves to 127.0.0.1, a loopback, private, "
                                + "link-local or reserved address (or an IPv6 form of one); ask an administrator "
                                + "to allow-list it");
            }
            assertThat(dns.lookups("rebind.example")).as("one lookup for the check, one for the send").isEqualTo(2);
            assertThat(receiver.requests("/hook")).as("nothing reached the loopback receiver").isEmpty();
        }
    }

    @Test
    void anAllowedNameIsDeliveredToTheAddressItsOneLookupGaveUnderItsOwnHostName() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            int port = URI.create(receiver.url("/")).getPort();
            // allowed by address, not by name: the name's address is checked at the send and connected to
            ScriptedDns dns = new ScriptedDns().answer("partner.example", "127.0.0.1");
            WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of("127.0.0.1"), dns);
            String url = "http://partner.example:" + port + "/hook";

            try (WebhookClient client = new WebhookClient(Clock.systemUTC(), Duration.ofSeconds(2), policy)) {
                assertThat(client.post(url, SECRET, "id-1", BODY, "application/json")).isEqualTo(204);
            }
            assertThat(dns.lookups("partner.example")).isEqualTo(1);
            List<WebhookReceiver.Request> got = receiver.requests("/hook");
            assertThat(got).hasSize(1);
            WebhookReceiver.Request request = got.get(0);
            assertThat(request.header("Host")).isEqualTo("partner.example:" + port);
            assertThat(request.header(WebhookSignature.HEADER_DELIVERY)).isEqualTo("id-1");
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.header("Upgrade")).isNull();
            assertThat(request.body()).isEqualTo(BODY);
            assertThat(WebhookSignature.verify(SECRET, request.header(WebhookSignature.HEADER_TIMESTAMP),
                    request.header(WebhookSignature.HEADER_SIGNATURE), request.body(), Instant.now(),
                    Duration.ofMinutes(5))).isTrue();
        }
    }

    @Test
    void aNameThatDoesNotResolveAtSendTimeFailsForGood() {
        WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of("127.0.0.1"), new ScriptedDns());
        try (WebhookClient client = new WebhookClient(Clock.systemUTC(), Duration.ofSeconds(2), policy)) {
            assertThatThrownBy(() -> client.post("http://gone.example/hook", SECRET, "id-2", BODY,
                    "application/json"))
                    .isInstanceOf(PermanentDeliveryException.class)
                    .hasMessage("webhook host 'gone.example' does not resolve");
        }
    }

    @Test
    void anAddressLiteralIsCheckedBeforeTheSend() {
        try (WebhookReceiver receiver = new WebhookReceiver();
             WebhookClient client = new WebhookClient(Clock.systemUTC(), Duration.ofSeconds(2),
                     new WebhookTargetPolicy(List.of(), new ScriptedDns()))) {
            assertThatThrownBy(() -> client.post(receiver.url("/hook"), SECRET, "id-3", BODY, "application/json"))
                    .isInstanceOf(PermanentDeliveryException.class)
                    .hasMessageContaining("resolves to 127.0.0.1");
            assertThat(receiver.requests("/hook")).isEmpty();
        }
    }

    /**
     * https to a pinned address: the TLS handshake names the URL's host (SNI) and the certificate is checked against
     * it, not against the address connected to. The test certificate is for partner.example only.
     */
    @Test
    void httpsToAPinnedAddressChecksTheCertificateAgainstTheUrlsHostName() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        char[] password = "test-only-store".toCharArray();
        try (InputStream in = WebhookClientTest.class.getResourceAsStream("/tls/partner-example.p12")) {
            keys.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("partner", keys.getCertificate("hook"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);

        List<String> hosts = new CopyOnWriteArrayList<>();
        List<String> sni = new CopyOnWriteArrayList<>();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            if (exchange instanceof HttpsExchange https
                    && https.getSSLSession() instanceof ExtendedSSLSession session) {
                session.getRequestedServerNames().forEach(n -> sni.add(new String(n.getEncoded(),
                        StandardCharsets.US_ASCII)));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            ScriptedDns dns = new ScriptedDns().answer("partner.example", "127.0.0.1")
                    .answer("other.example", "127.0.0.1");
            WebhookTargetPolicy policy = new WebhookTargetPolicy(List.of("127.0.0.1"), true, dns);
            try (WebhookClient client = new WebhookClient(Clock.systemUTC(), Duration.ofSeconds(5), policy,
                    clientTls)) {
                // the receiver's address under a name its certificate does not carry: refused by the host-name check
                assertThatThrownBy(() -> client.post("https://other.example:" + port + "/hook", SECRET, "id-other",
                        BODY, "application/json"))
                        .isInstanceOf(DeliveryException.class)
                        .hasMessageStartingWith("TLS handshake with other.example:" + port + " failed: ")
                        .hasMessageContaining("other.example");
                assertThat(hosts).isEmpty();
                assertThat(client.post("https://partner.example:" + port + "/hook", SECRET, "id-tls", BODY,
                        "application/json")).isEqualTo(204);
                assertThat(hosts).containsExactly("partner.example:" + port);
                assertThat(sni).containsExactly("partner.example");

            }
        } finally {
            server.stop(0);
        }
    }
}
