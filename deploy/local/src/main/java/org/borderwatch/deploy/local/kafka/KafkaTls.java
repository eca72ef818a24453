package org.borderwatch.deploy.local.kafka;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The TLS material of a broker started with {@code up --kafka-tls}: a self-signed key pair for the broker's host
 * ({@code broker.p12}) and a truststore holding only its certificate ({@code truststore.p12}), both PKCS12 with one
 * random password ({@code tls.properties}). Made once, on the first start, with the JDK's own {@code keytool}, and
 * made again only when the host changes (the certificate names it, and clients check that name).
 *
 * <p>This is a workstation's certificate authority of one: the truststore is what a client (the launcher's, the
 * services') needs to trust the broker, as an operator's truststore holds the cluster's CA.
 */
public record KafkaTls(Path keystore, Path truststore, String password) {

    public static final String STORE_TYPE = "PKCS12";
    static final String KEYSTORE_FILE = "broker.p12";
    static final String TRUSTSTORE_FILE = "truststore.p12";
    static final String PROPERTIES_FILE = "tls.properties";
    private static final String ALIAS = "borderwatch-broker";
    private static final int VALIDITY_DAYS = 3650;
    private static final String PASSWORD_VARIABLE = "BORDERWATCH_TLS_STORE_PASSWORD";

    @Override
    public String toString() {
        return "KafkaTls[keystore=" + keystore + ", truststore=" + truststore + ", password=***]";
    }

    /** The material in {@code dir} for {@code host}, made there first if it is missing or was made for another host. */
    public static KafkaTls ensure(Path dir, String host) {
        Properties recorded = readProperties(dir.resolve(PROPERTIES_FILE));
        if (host.equals(recorded.getProperty("host")) && Files.exists(dir.resolve(KEYSTORE_FILE))
                && Files.exists(dir.resolve(TRUSTSTORE_FILE))) {
            return load(dir);
        }
        return generate(dir, host);
    }

    /** The material an earlier {@code up --kafka-tls} made in {@code dir}; what a client command reads. */
    public static KafkaTls load(Path dir) {
        Properties recorded = readProperties(dir.resolve(PROPERTIES_FILE));
        String password = recorded.getProperty("password");
        if (password == null || !Files.exists(dir.resolve(TRUSTSTORE_FILE))) {
            throw new IllegalStateException("no truststore in " + dir + " (a broker started with 'up --kafka-tls' "
                    + "makes it there)");
        }
        return new KafkaTls(dir.resolve(KEYSTORE_FILE), dir.resolve(TRUSTSTORE_FILE), password);
    }

    private static KafkaTls generate(Path dir, String host) {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        KafkaTls tls = new KafkaTls(dir.resolve(KEYSTORE_FILE), dir.resolve(TRUSTSTORE_FILE), password);
        Path certificate = dir.resolve("broker.crt");
        try {
            Files.createDirectories(dir);
            for (Path old : List.of(tls.keystore, tls.truststore, certificate)) {
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
        keytool(List.of("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                "-sigalg", "SHA256withECDSA", "-validity", Integer.toString(VALIDITY_DAYS),
                "-dname", "CN=" + host, "-ext", "SAN=" + subjectAlternativeNames(host),
                "-keystore", tls.keystore.toString(), "-storetype", STORE_TYPE,
                "-storepass:env", PASSWORD_VARIABLE, "-keypass:env", PASSWORD_VARIABLE), password);
        keytool(List.of("-exportcert", "-rfc", "-alias", ALIAS, "-keystore", tls.keystore.toString(),
                "-storetype", STORE_TYPE, "-storepass:env", PASSWORD_VARIABLE, "-file", certificate.toString()),
                password);
        keytool(List.of("-importcert", "-noprompt", "-alias", ALIAS, "-file", certificate.toString(),
                "-keystore", tls.truststore.toString(), "-storetype", STORE_TYPE,
                "-storepass:env", PASSWORD_VARIABLE), password);
        Properties recorded = new Properties();
        recorded.setProperty("host", host);
        recorded.setProperty("password", password);
        try (Writer out = Files.newBufferedWriter(dir.resolve(PROPERTIES_FILE), StandardCharsets.UTF_8)) {
            recorded.store(out, "Written by the BorderWatch launcher with the broker's key pair (up --kafka-tls)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(PROPERTIES_FILE), e);
        }
        return tls;
    }

    /** {@code localhost} and the loopback address always; the host too, as a name or an address. */
    static String subjectAlternativeNames(String host) {
        List<String> names = new ArrayList<>(List.of("dns:localhost", "ip:127.0.0.1"));
        String own = isAddress(host) ? "ip:" + host : "dns:" + host;
        if (!names.contains(own)) {
            names.add(own);
        }
        return String.join(",", names);
    }

    private static boolean isAddress(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    /** What the broker needs: its key pair, and the truststore for its own connections to itself. */
    public Map<String, String> brokerProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ssl.keystore.type", STORE_TYPE);
        p.put("ssl.keystore.location", keystore.toAbsolutePath().toString());
        p.put("ssl.keystore.password", password);
        p.put("ssl.key.password", password);
        p.putAll(clientProperties());
        return p;
    }

    /** What a client needs to trust the broker (the host name check stays on, Kafka's default). */
    public Map<String, String> clientProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ssl.truststore.type", STORE_TYPE);
        p.put("ssl.truststore.location", truststore.toAbsolutePath().toString());
        p.put("ssl.truststore.password", password);
        return p;
    }

    /** The same as the variables an operator gives the services ({@code spring.kafka.ssl.*}, deploy/k8s/README.md). */
    public Map<String, String> springEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION", truststore.toAbsolutePath().toUri().toString());
        env.put("SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD", password);
        env.put("SPRING_KAFKA_SSL_TRUST_STORE_TYPE", STORE_TYPE);
        return env;
    }

    /** The JDK's {@code keytool}, beside the running {@code java}: no dependency and no tool on the path needed. */
    static Path keytoolPath() {
        String name = System.getProperty("os.name", "").startsWith("Windows") ? "keytool.exe" : "keytool";
        return Path.of(System.getProperty("java.home"), "bin", name);
    }

    /** Runs keytool with the store password in its environment, not on its command line (visible in ps). */
    private static void keytool(List<String> args, String password) {
        List<String> command = new ArrayList<>();
        command.add(keytoolPath().toString());
        command.addAll(args);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put(PASSWORD_VARIABLE, password);
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + args.get(0) + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args.get(0) + " failed (exit " + process.exitValue()
                        + "): " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + keytoolPath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }

    private static Properties readProperties(Path file) {
        Properties props = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return props;
    }
}
