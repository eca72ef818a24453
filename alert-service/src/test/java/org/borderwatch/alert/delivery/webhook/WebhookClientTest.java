package org.borderwatch.alert.delivery.webhook;

import org.borderwatch.alert.delivery.DeliveryException;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A receiver that answers its headers at once and then holds back the body must not hold a send (and its claim's
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
}
