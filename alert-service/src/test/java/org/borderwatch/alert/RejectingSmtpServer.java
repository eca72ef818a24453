package org.borderwatch.alert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real SMTP server on 127.0.0.1 (a plain socket speaking the protocol) that accepts the conversation but refuses
 * every recipient with {@code 550 5.1.1}, as a mail server does for an unknown mailbox. It records the recipients it
 * refused.
 */
public final class RejectingSmtpServer implements AutoCloseable {

    public static final String REPLY = "550 5.1.1 Recipient address rejected: User unknown in local recipient table";

    private final ServerSocket server;
    private final List<String> refused = new CopyOnWriteArrayList<>();

    public RejectingSmtpServer() {
        try {
            server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::serve, "rejecting-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<String> refused() {
        return List.copyOf(refused);
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> converse(client), "rejecting-smtp-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client; var in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.US_ASCII)); OutputStream out = client.getOutputStream()) {
            reply(out, "220 rejecting.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 rejecting.test");
                } else if (command.startsWith("MAIL FROM")) {
                    reply(out, "250 2.1.0 Ok");
                } else if (command.startsWith("RCPT TO")) {
                    refused.add(line.substring(line.indexOf(':') + 1).trim());
                    reply(out, REPLY);
                } else if (command.startsWith("DATA")) {
                    reply(out, "554 5.5.1 Error: no valid recipients");
                } else if (command.startsWith("RSET") || command.startsWith("NOOP")) {
                    reply(out, "250 2.0.0 Ok");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 2.0.0 Bye");
                    return;
                } else {
                    reply(out, "502 5.5.2 Error: command not recognized");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
