package org.borderwatch.deploy.local.services;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for a Spring Boot service in {@link BootServiceIT}: packed alone into a jar whose manifest names it, it
 * listens on {@code SERVER_PORT}, answers the readiness path and echoes the environment it was given.
 * {@code FAKE_MODE=crash} exits at once, {@code FAKE_MODE=never-ready} answers 503 for ever.
 */
public final class FakeBootApp {

    private FakeBootApp() {
    }

    public static void main(String[] args) throws IOException {
        String mode = System.getenv().getOrDefault("FAKE_MODE", "ready");
        if (mode.equals("crash")) {
            System.out.println("boom: cannot connect to anything");
            System.exit(7);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost",
                Integer.parseInt(System.getenv("SERVER_PORT"))), 0);
        server.createContext("/actuator/health/readiness",
                exchange -> answer(exchange, mode.equals("never-ready") ? 503 : 200, "{\"status\":\"UP\"}"));
        server.createContext("/env", exchange -> answer(exchange, 200,
                "SPRING_KAFKA_BOOTSTRAP_SERVERS=" + System.getenv("SPRING_KAFKA_BOOTSTRAP_SERVERS") + "\n"
                        + "SPRING_MONGODB_URI=" + System.getenv("SPRING_MONGODB_URI") + "\n"
                        + "SERVER_PORT=" + System.getenv("SERVER_PORT") + "\n"
                        + "SPRING_PROFILES_ACTIVE=" + System.getenv("SPRING_PROFILES_ACTIVE") + "\n"));
        server.start();
        System.out.println("fake service listening");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
