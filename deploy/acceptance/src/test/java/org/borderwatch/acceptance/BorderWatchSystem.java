package org.borderwatch.acceptance;

import org.borderwatch.deploy.local.LocalInfrastructure;
import org.borderwatch.deploy.local.kafka.ScramCredentials;
import org.borderwatch.deploy.local.ports.PortCheck;
import org.borderwatch.deploy.local.services.BootService;
import org.borderwatch.deploy.local.services.ServiceCatalog;
import org.borderwatch.deploy.local.services.ServiceSpec;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.ThrowingRunnable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system as a user runs it: the launcher's Kafka broker (a child JVM) and MongoDB-wire store, the topics of
 * the catalogue, and the three service jars each in its own JVM on a free port — with the {@code local} profile, or
 * (for {@link KafkaAuthenticationIT}) a broker asking for SASL/SCRAM over TLS and the environment an operator gives.
 * Everything lives under one work directory ({@code target/acceptance-run}): the broker's data, the store's file and
 * one log per process in {@code logs/}.
 */
final class BorderWatchSystem implements AutoCloseable {

    static final String INGEST = "ingest-service";
    static final String CLASSIFIER = "classifier-service";
    static final String ALERT = "alert-service";

    /** The partner key the test configures in ingest (the local profile's documented key is replaced). */
    static final String PARTNER = "acceptance-partner";
    static final String PARTNER_KEY = "acceptance-key-5f0c2e";
    /** alert-service's inhibition window in this run (the default is 12 h; see {@link #startService}). */
    static final String INHIBITION_WINDOW = "24h";
    /** The staff user documented in alert-service's local profile. */
    static final String STAFF_USER = "staff";
    static final String STAFF_PASSWORD = "staff-local";

    private static final String HOST = "localhost";
    private static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xss512k");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.getLong("acceptance.ready.timeout", 240));

    private final Path workDir;
    private final LocalInfrastructure infra;
    private final Map<String, BootService> services = new LinkedHashMap<>();
    private final List<Long> childPids = new ArrayList<>();
    private boolean closed;

    private BorderWatchSystem(Path workDir, LocalInfrastructure infra) {
        this.workDir = workDir;
        this.infra = infra;
    }

    /**
     * What a service is given besides its JVM options: the whole environment, built from the running infrastructure,
     * the service's name and its HTTP port.
     */
    @FunctionalInterface
    interface ServiceEnvironment {
        Map<String, String> of(String service, LocalInfrastructure infra, int port);
    }

    /**
     * Starts the infrastructure and the three services, as a developer runs them with the {@code local} profile, in
     * {@code acceptance.work.dir}, and waits until each service is ready.
     */
    static BorderWatchSystem start() {
        return start(Path.of(System.getProperty("acceptance.work.dir", "target/acceptance-run")), null, false,
                BorderWatchSystem::localProfileEnvironment);
    }

    /**
     * Starts the infrastructure in {@code workDir} (cleared first) — with a broker that asks every client for
     * SASL/SCRAM-SHA-512 as {@code kafkaScram} when that is not {@code null}, and that speaks TLS on every listener
     * with the launcher's self-signed key pair when {@code kafkaTls} — and the three services, each with
     * exactly the environment {@code environment} gives it, and waits until each service is ready.
     */
    static BorderWatchSystem start(Path workDir, ScramCredentials kafkaScram, boolean kafkaTls,
                                   ServiceEnvironment environment) {
        Path projectDir = projectDir();
        Map<String, Path> jars = serviceJars(projectDir);
        Path kafkaLibs = projectDir.resolve("deploy/local/target/kafka-libs");
        if (!Files.isDirectory(kafkaLibs)) {
            throw new IllegalStateException("The broker jars are missing: " + kafkaLibs + " does not exist. Build the "
                    + "launcher first: mvn -B -q -pl deploy/local -am package -DskipTests");
        }
        workDir = workDir.toAbsolutePath();
        deleteRecursively(workDir);

        LocalInfrastructure infra = LocalInfrastructure.start(new LocalInfrastructure.Settings(workDir, HOST,
                PortCheck.freePort(), PortCheck.freePort(), PortCheck.freePort(), 2, "384m", kafkaLibs, "borderwatch",
                READY_TIMEOUT, kafkaScram, kafkaTls));
        BorderWatchSystem system = new BorderWatchSystem(workDir, infra);
        try {
            system.childPids.add(infra.broker().pid());
            jars.forEach((name, jar) -> system.startService(name, jar, environment));
            List<CompletableFuture<Void>> ready = system.services.values().stream()
                    .map(s -> CompletableFuture.runAsync(() -> s.awaitReady(READY_TIMEOUT)))
                    .toList();
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
            return system;
        } catch (RuntimeException e) {
            String tails = system.services.keySet().stream().map(system::logTail)
                    .reduce("", (a, b) -> a + "\n" + b);
            system.close();
            throw new IllegalStateException("BorderWatch did not start: " + e.getMessage() + tails, e);
        }
    }

    /** The developer's setup: the infrastructure's addresses, profile {@code local}, and this run's own settings. */
    private static Map<String, String> localProfileEnvironment(String name, LocalInfrastructure infra, int port) {
        Map<String, String> env = BootService.environment(infra.environment(), HOST, port, "local");
        if (name.equals(INGEST)) {
            env.put("INGEST_API_KEYS_0_PARTNER", PARTNER);
            env.put("INGEST_API_KEYS_0_KEY", PARTNER_KEY);
            env.put("INGEST_API_KEYS_0_FORMATS", "statement,canonical");
            // a partner that relays the ministries' and EUMA's statements must be granted those registry sources
            env.put("INGEST_API_KEYS_0_SOURCES", "*");
        }
        if (name.equals(ALERT)) {
            // the February 2024 step checks event-time inhibition end to end: the 12 February claim (15:40) lies
            // about 12 h 20 min before the critical 13 February incident ("in the early morning": from 04:00), just
            // outside the default 12 h window, so this run widens it (the whole rule: a list is bound from one source)
            env.put("ALERT_INHIBITION_0_SOURCESEVERITY", "CRITICAL");
            env.put("ALERT_INHIBITION_0_TARGETSEVERITIES", "LOW,MEDIUM");
            env.put("ALERT_INHIBITION_0_WINDOW", INHIBITION_WINDOW);
        }
        return env;
    }

    private void startService(String name, Path jar, ServiceEnvironment environment) {
        int port = PortCheck.freePort();
        Map<String, String> env = environment.of(name, infra, port);
        List<String> jvm = new ArrayList<>(SERVICE_JVM_OPTIONS);
        // as the launcher does: each service works in its own directory of the run with its own java.io.tmpdir, so
        // Kafka Streams' state never meets another run's (or another build's) on this machine
        Path tmp = serviceTmpDir(name);
        jvm.add("-Djava.io.tmpdir=" + tmp);
        BootService service = BootService.start(new BootService.Settings(name, jar, HOST, port, env, jvm,
                infra.layout().watchdogDir(), infra.layout().serviceDir(name), infra.layout().logFile(name)));
        services.put(name, service);
        childPids.add(service.process().pid());
    }

    /** A service's own {@code java.io.tmpdir} under the run's directory, created if missing. */
    Path serviceTmpDir(String name) {
        Path tmp = infra.layout().serviceTmpDir(name);
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tmp;
    }

    /** The checkout: {@code acceptance.project.dir} (set by the build), else the nearest parent holding deploy/local. */
    static Path projectDir() {
        String configured = System.getProperty("acceptance.project.dir");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/local")) && Files.isDirectory(p.resolve("ingest-service"))) {
                return p;
            }
        }
        throw new IllegalStateException("Cannot find the BorderWatch checkout; set -Dacceptance.project.dir=DIR");
    }

    /** Each catalogue service's executable jar; fails naming every missing one and how to build it. */
    static Map<String, Path> serviceJars(Path projectDir) {
        Map<String, Path> jars = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ServiceSpec spec : ServiceCatalog.ALL) {
            spec.findJar(projectDir).ifPresentOrElse(jar -> jars.put(spec.name(), jar),
                    () -> missing.add(projectDir.resolve(spec.name()).resolve("target") + "/" + spec.name() + "-*.jar"));
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The acceptance tests need the packaged services; missing: " + missing
                    + ". Build them with: mvn -B -q -pl ingest-service,classifier-service,alert-service -am package "
                    + "-DskipTests (in the full reactor they are packaged before this module runs).");
        }
        return jars;
    }

    URI uri(String service, String pathAndQuery) {
        return URI.create("http://" + HOST + ":" + services.get(service).port() + pathAndQuery);
    }

    String bootstrapServers() {
        return infra.bootstrapServers();
    }

    /** The launcher's infrastructure (for its TLS material). */
    LocalInfrastructure infrastructure() {
        return infra;
    }

    /** The settings a test's own Kafka client needs besides the bootstrap servers (SASL and TLS as the broker asks). */
    Map<String, String> kafkaClientSecurity() {
        return infra.clientSecurity();
    }

    /** Where the run keeps its files ({@code target/acceptance-run}). */
    Path workDir() {
        return workDir;
    }

    Path logFile(String name) {
        return infra.layout().logFile(name);
    }

    /** The last lines of a process's log ({@code kafka} or a service name), for assertion messages. */
    String logTail(String name) {
        BootService service = services.get(name);
        List<String> lines = service != null ? service.process().logTail(40)
                : name.equals("kafka") ? infra.broker().process().logTail(40) : List.of();
        return "\n---- last lines of " + logFile(name) + " ----\n" + String.join("\n", lines);
    }

    /**
     * Waits up to {@code timeout} for {@code assertion} to pass; when it does not, fails with what did not happen, the
     * last assertion error and the end of the logs of the {@code services} involved.
     */
    void eventually(String what, Duration timeout, List<String> services, ThrowingRunnable assertion) {
        try {
            await(what).atMost(timeout).pollInterval(Duration.ofMillis(500)).untilAsserted(assertion);
        } catch (ConditionTimeoutException e) {
            StringBuilder message = new StringBuilder(what).append(" — not within ").append(timeout.toSeconds())
                    .append(" s: ").append(e.getMessage());
            services.forEach(s -> message.append(logTail(s)));
            throw new AssertionError(message.toString(), e);
        }
    }

    /** After {@link #close()}: every process it started, and every process below the test JVM, ends. */
    static void assertNoProcessLeft(List<Long> childPids) {
        await("every child process ends").atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            assertThat(childPids).as("pids of the broker and the services")
                    .noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")))
                    .as("processes still running below the test JVM").isEmpty();
        });
    }

    /** Every process this system started (the broker and the services), for the leak check. */
    List<Long> childPids() {
        return List.copyOf(childPids);
    }

    /** Stops the services (in parallel, politely first), then the broker and the store. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        infra.markClosing();
        services.values().parallelStream().forEach(BootService::close);
        infra.close();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
