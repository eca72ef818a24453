package org.borderwatch.deploy.local;

import org.borderwatch.deploy.local.kafka.ScramCredentials;
import org.borderwatch.deploy.local.kafka.TopicCreator;
import org.borderwatch.deploy.local.kafka.TopicPlan;
import org.borderwatch.deploy.local.ports.PortCheck;
import org.borderwatch.deploy.local.ports.PortInUseException;
import org.borderwatch.deploy.local.ports.PortRequest;
import org.borderwatch.deploy.local.services.BootService;
import org.borderwatch.deploy.local.services.RestartPolicy;
import org.borderwatch.deploy.local.services.ServiceCatalog;
import org.borderwatch.deploy.local.services.ServicePlan;
import org.borderwatch.deploy.local.services.ServiceStartException;
import org.borderwatch.deploy.local.services.ServiceSupervisor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code up}: start the infrastructure (and optionally the services), print the addresses, run until stopped. */
@Command(name = "up", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Starts Kafka, the MongoDB-wire store and the topics; runs until Ctrl-C or SIGTERM.", "",
                "Kafka runs as a KRaft broker+controller in its own JVM; the store runs inside the launcher. "
                        + "With --with-services the service jars that have been built are started too."})
public final class UpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path data = Path.of("data");

    @Option(names = "--host", paramLabel = "HOST", description = "Host name to listen on and advertise (default: ${DEFAULT-VALUE}).")
    String host = "localhost";

    @Option(names = "--kafka-port", paramLabel = "PORT", description = "Kafka client port (default: ${DEFAULT-VALUE}).")
    int kafkaPort = 9092;

    @Option(names = "--controller-port", paramLabel = "PORT", description = "KRaft controller port (default: ${DEFAULT-VALUE}).")
    int controllerPort = 9093;

    @Option(names = "--mongo-port", paramLabel = "PORT", description = "MongoDB-wire store port (default: ${DEFAULT-VALUE}).")
    int mongoPort = 27017;

    @Option(names = "--partitions", paramLabel = "N", description = "Partitions of the report and assessment topics "
            + "(default: ${DEFAULT-VALUE}).")
    int partitions = TopicPlan.DEFAULT_PARTITIONS;

    @Option(names = "--database", paramLabel = "NAME", description = "Database name in SPRING_MONGODB_URI (default: ${DEFAULT-VALUE}).")
    String database = "borderwatch";

    @Option(names = "--kafka-heap", paramLabel = "SIZE", description = "Maximum heap of the broker JVM (default: ${DEFAULT-VALUE}).")
    String kafkaHeap = "512m";

    @Option(names = "--kafka-libs", paramLabel = "DIR",
            description = "Directory of the broker jars (default: kafka-libs beside the launcher jar).")
    Path kafkaLibs;

    @Option(names = "--start-timeout", paramLabel = "SECONDS",
            description = "How long the broker may take to start (default: ${DEFAULT-VALUE}).")
    int startTimeoutSeconds = 120;

    @Option(names = "--kafka-sasl-scram", paramLabel = "USER:PASSWORD",
            description = "Make the broker ask every client for SASL/SCRAM-SHA-512 (SASL_PLAINTEXT, no TLS) with this "
                    + "user, created when its storage is first formatted; the services get the matching "
                    + "SPRING_KAFKA_* variables.")
    String kafkaScram;

    @Option(names = "--kafka-tls",
            description = "Make every listener of the broker speak TLS with a self-signed key pair for --host, made in "
                    + "DIR/tls on the first start (SSL; SASL_SSL with --kafka-sasl-scram); the services get its "
                    + "truststore as SPRING_KAFKA_SSL_* variables.")
    boolean kafkaTls;

    @Option(names = "--with-services", description = "Also start the service jars that have been built.")
    boolean withServices;

    @Option(names = "--project-dir", paramLabel = "DIR",
            description = "The BorderWatch checkout holding <service>/target/*.jar (default: found from the launcher).")
    Path projectDir;

    @Option(names = "--service-port", paramLabel = "NAME=PORT",
            description = "Port of a service, e.g. alert-service=9083 (defaults: ingest-service=8081, "
                    + "classifier-service=8082, alert-service=8083).")
    Map<String, Integer> servicePorts = new LinkedHashMap<>();

    @Option(names = "--profile", paramLabel = "PROFILE", description = "SPRING_PROFILES_ACTIVE for the services (default: ${DEFAULT-VALUE}).")
    String profile = "local";

    @Option(names = "--service-jvm-opts", paramLabel = "OPTS",
            description = "JVM options of each service (default: ${DEFAULT-VALUE}).")
    String serviceJvmOpts = String.join(" ", BootService.DEFAULT_JVM_OPTIONS);

    @Option(names = "--service-timeout", paramLabel = "SECONDS",
            description = "How long a service may take to become ready (default: ${DEFAULT-VALUE}).")
    int serviceTimeoutSeconds = 180;

    @Option(names = "--max-restarts", paramLabel = "N",
            description = "How often a service that stops on its own is started again within 10 minutes, after 2, 4, "
                    + "8 … seconds; 0 never (default: ${DEFAULT-VALUE}).")
    int maxRestarts = RestartPolicy.DEFAULT.maxRestarts();

    /**
     * A second launcher on the same data directory is told so (exit 4) before the port check would blame the first
     * one's ports (exit 3); the real lock is taken when the infrastructure starts.
     */
    private static void requireDataDirFree(LocalInfrastructure.Settings settings) {
        DataLayout layout = new DataLayout(settings.dataDir());
        if (java.nio.file.Files.isDirectory(layout.runDir())) {
            DataDirLock.acquire(layout).close();
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LocalInfrastructure infra;
        List<ServicePlan> plans;
        try {
            LocalInfrastructure.Settings settings = infrastructureSettings();
            if (maxRestarts < 0) {
                throw new IllegalArgumentException("--max-restarts must be 0 or more, not " + maxRestarts + ".");
            }
            if (!withServices && !servicePorts.isEmpty()) {
                throw new IllegalArgumentException("--service-port only applies with --with-services (no service is "
                        + "started without it).");
            }
            plans = withServices ? ServicePlan.of(ServiceCatalog.ALL, servicePorts, projectDirectory()) : List.of();
            requireDataDirFree(settings);
            new PortCheck(host).requireFree(portRequests(settings, plans));
            out.println("Starting the BorderWatch infrastructure in " + settings.dataDir().toAbsolutePath().normalize()
                    + " ...");
            out.flush();
            infra = LocalInfrastructure.start(settings);
        } catch (PortInUseException e) {
            err.println(e.getMessage());
            return ExitCodes.PORT_IN_USE;
        } catch (DataDirLock.InUseException e) {
            err.println(e.getMessage());
            return ExitCodes.DATA_DIR_IN_USE;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCodes.USAGE;
        } catch (RuntimeException e) {
            err.println("Start-up failed: " + e.getMessage());
            return ExitCodes.FAILURE;
        }

        List<BootService> services = new ArrayList<>();
        List<ServiceSupervisor> supervisors = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(infra, services, supervisors, out),
                "bw-launcher-stop"));
        printInfrastructure(infra, out);
        Map<String, Integer> running = startServices(infra, plans, services, supervisors, out, err);
        if (infra.isClosing()) {
            new CountDownLatch(1).await(); // stopped during start-up: the shutdown hook ends the JVM
        }
        new LauncherState(ProcessHandle.current().pid(), Instant.now(), host, infra.bootstrapServers(),
                infra.mongoUri(), running).write(infra.layout().stateFile());
        if (!supervisors.isEmpty()) {
            answerRestartRequests(infra, supervisors, out, err);
        }
        out.println();
        out.println("Press Ctrl-C to stop.");
        out.flush();

        int brokerExit = infra.broker().process().onExit().join().exitValue();
        if (infra.isClosing()) {
            new CountDownLatch(1).await(); // the shutdown hook is stopping everything; the JVM ends with it
        }
        err.println("Kafka stopped unexpectedly (exit " + brokerExit + "); stopping everything. See "
                + infra.layout().logFile("kafka"));
        err.flush();
        return ExitCodes.FAILURE;
    }

    LocalInfrastructure.Settings infrastructureSettings() {
        ScramCredentials scram;
        try {
            scram = kafkaScram == null ? null : ScramCredentials.parse(kafkaScram);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--kafka-sasl-scram: " + e.getMessage(), e);
        }
        return new LocalInfrastructure.Settings(data, host, kafkaPort, controllerPort, mongoPort, partitions, kafkaHeap,
                kafkaLibs, database, Duration.ofSeconds(startTimeoutSeconds), scram, kafkaTls);
    }

    /** A value as a POSIX shell word: as it is when plain, else in single quotes. */
    static String shellQuoted(String value) {
        if (value.matches("[A-Za-z0-9._:/@%+,=-]+")) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    static List<PortRequest> portRequests(LocalInfrastructure.Settings settings, List<ServicePlan> plans) {
        List<PortRequest> requests = new ArrayList<>(settings.portRequests());
        plans.stream().filter(p -> p.jar().isPresent())
                .forEach(p -> requests.add(new PortRequest(p.name(), p.port(), "--service-port " + p.name() + "=PORT")));
        return requests;
    }

    /** The checkout holding the service modules: the option, else the working directory if it is one, else the
     * directory three levels above the launcher's {@code target}. */
    Path projectDirectory() {
        if (projectDir != null) {
            return projectDir;
        }
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isDirectory(cwd.resolve("deploy/local"))) {
            return cwd;
        }
        try {
            Path location = Path.of(UpCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = location.toAbsolutePath().getParent().getParent().getParent().getParent();
            return root != null && Files.isDirectory(root.resolve("deploy/local")) ? root : cwd;
        } catch (Exception e) {
            return cwd;
        }
    }

    private static void printInfrastructure(LocalInfrastructure infra, PrintWriter out) {
        DataLayout layout = infra.layout();
        out.println("BorderWatch infrastructure is up (data: " + layout.root() + ")");
        out.println("  Kafka   " + infra.bootstrapServers() + "   KRaft broker+controller, pid " + infra.broker().pid()
                + ", cluster " + infra.broker().clusterId() + ", log " + layout.logFile("kafka"));
        infra.scram().ifPresent(scram -> out.println("          " + infra.kafkaProtocol() + ": every client "
                + "authenticates with " + ScramCredentials.MECHANISM + " as '" + scram.user() + "'"));
        infra.tls().ifPresent(tls -> out.println("          " + (infra.scram().isPresent() ? ""
                : infra.kafkaProtocol() + ": ") + "TLS on every listener (self-signed key pair " + tls.keystore()
                + "); clients trust " + tls.truststore()));
        out.println("  Store   " + infra.mongoUri() + "   mongo-java-server (H2 file in " + layout.mongoDir() + ")");
        out.println("  Topics");
        for (TopicCreator.Outcome topic : infra.topics()) {
            out.println("    " + topic);
        }
        out.println();
        out.println("Services read these environment variables:");
        infra.environment().forEach((k, v) -> out.println("  export " + k + "=" + shellQuoted(v)));
        out.flush();
    }

    private Map<String, Integer> startServices(LocalInfrastructure infra, List<ServicePlan> plans,
                                               List<BootService> services, List<ServiceSupervisor> supervisors,
                                               PrintWriter out, PrintWriter err) {
        Map<String, Integer> started = new LinkedHashMap<>();
        Map<BootService, BootService.Settings> settingsByService = new java.util.IdentityHashMap<>();
        if (plans.isEmpty()) {
            return started;
        }
        out.println();
        List<String> missing = plans.stream().filter(p -> p.jar().isEmpty()).map(ServicePlan::name).toList();
        if (!missing.isEmpty()) {
            out.println("Not built, not started: " + String.join(", ", missing)
                    + " (build with 'mvn -B package -DskipTests' at the top level).");
        }
        List<String> jvmOptions = Arrays.stream(serviceJvmOpts.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        for (ServicePlan plan : plans) {
            if (plan.jar().isEmpty() || infra.isClosing()) {
                continue;
            }
            out.println("Starting " + plan.name() + " on port " + plan.port() + " from " + plan.jar().get() + " ...");
            out.flush();
            Path jar = snapshot(plan.jar().get(), infra.layout().serviceJar(plan.name()));
            BootService.Settings settings = new BootService.Settings(plan.name(), jar, host,
                    plan.port(), BootService.environment(infra.environment(), host, plan.port(), profile),
                    serviceJvmOptions(jvmOptions, infra.layout(), plan.name()), infra.layout().watchdogDir(),
                    createDirectories(infra.layout().serviceDir(plan.name())), infra.layout().logFile(plan.name()));
            BootService service = BootService.start(settings);
            settingsByService.put(service, settings);
            synchronized (services) {
                if (infra.isClosing()) {
                    service.close(); // Ctrl-C came while it was being started: the shutdown hook has its list
                    continue;
                }
                services.add(service);
            }
        }
        for (BootService service : services) {
            try {
                service.awaitReady(Duration.ofSeconds(serviceTimeoutSeconds));
                out.println("  " + service.name() + " is ready: http://" + host + ":" + service.port()
                        + "  (log " + service.process().logFile() + ")");
                started.put(service.name(), service.port());
                ServiceSupervisor supervisor = ServiceSupervisor.watch(service, settingsByService.get(service),
                        RestartPolicy.DEFAULT.withMaxRestarts(maxRestarts), Duration.ofSeconds(serviceTimeoutSeconds),
                        new RestartReporter(host, err, infra::isClosing), Clock.systemUTC());
                synchronized (services) {
                    if (infra.isClosing()) {
                        supervisor.close();
                        return started;
                    }
                    supervisors.add(supervisor);
                }
            } catch (ServiceStartException e) {
                if (infra.isClosing()) {
                    return started; // Ctrl-C during start-up: the services were stopped on purpose, nothing to report
                }
                err.println("  " + e.getMessage());
            }
            out.flush();
            err.flush();
        }
        return started;
    }

    /**
     * Serves the {@code restart} command: every half second, takes the requests left in {@code run/control} and
     * restarts the service asked for from a fresh copy of its built jar (found again, so a rebuilt jar with a new
     * version in its name is found too).
     */
    private void answerRestartRequests(LocalInfrastructure infra, List<ServiceSupervisor> supervisors, PrintWriter out,
                                       PrintWriter err) {
        RestartRequests requests = new RestartRequests(infra.layout());
        requests.take(); // left over from an earlier run
        Thread watcher = new Thread(() -> {
            while (!infra.isClosing()) {
                for (RestartRequests.Request request : requests.take()) {
                    Optional<ServiceSupervisor> supervisor;
                    synchronized (supervisors) {
                        supervisor = supervisors.stream().filter(s -> s.name().equals(request.service())).findFirst();
                    }
                    if (supervisor.isEmpty()) {
                        requests.answer(request, false, request.service() + " is not running under this launcher");
                        continue;
                    }
                    say(out, "Restarting " + request.service() + " on request ...");
                    supervisor.get().restartNow(() -> refreshJar(infra.layout(), request.service(), out))
                            .whenComplete((service, failure) -> requests.answer(request, failure == null,
                                    failure == null ? Long.toString(service.process().pid())
                                            : rootMessage(failure)));
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            }
        }, "bw-restart-requests");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Copies the service's current build over the copy it runs from; without a build it keeps the old copy. */
    private void refreshJar(DataLayout layout, String service, PrintWriter out) {
        Optional<Path> built = ServicePlan.of(ServiceCatalog.ALL, servicePorts, projectDirectory()).stream()
                .filter(p -> p.name().equals(service)).findFirst().flatMap(ServicePlan::jar);
        if (built.isEmpty()) {
            throw new IllegalStateException("no built jar of " + service + " under " + projectDirectory()
                    + "; starting it from the copy it ran from");
        }
        snapshot(built.get(), layout.serviceJar(service));
        say(out, "  " + service + " starts from a fresh copy of " + built.get());
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause instanceof java.util.concurrent.CompletionException) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }

    private static void say(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** Tells the user on the launcher's error output when a service stops on its own and what happens next. */
    record RestartReporter(String host, PrintWriter err, java.util.function.BooleanSupplier closing)
            implements ServiceSupervisor.Listener {

        @Override
        public void restarting(String service, int exitCode, Duration delay, int restart, RestartPolicy policy,
                               Path log) {
            say(service + " stopped (exit " + exitCode + "); starting it again in " + delay.toSeconds() + " s (restart "
                    + restart + " of " + policy.maxRestarts() + " within " + policy.window().toMinutes()
                    + " min); see " + log);
        }

        @Override
        public void readyAgain(BootService service) {
            say(service.name() + " is ready again: http://" + host + ":" + service.port() + " (pid "
                    + service.process().pid() + ")");
        }

        @Override
        public void restartFailed(String service, String reason) {
            say("  " + reason);
        }

        @Override
        public void givenUp(String service, int exitCode, RestartPolicy policy, Path log) {
            say(policy.maxRestarts() == 0
                    ? service + " stopped (exit " + exitCode + "); not restarted (--max-restarts 0); see " + log
                    : service + " stopped (exit " + exitCode + ") after " + policy.maxRestarts() + " restarts within "
                    + policy.window().toMinutes() + " min; it stays stopped, the others keep running. See " + log
                    + "; fix the cause, then stop the launcher and run up again.");
        }

        private void say(String line) {
            if (closing.getAsBoolean()) {
                return;
            }
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        }
    }

    private static void stopAll(LocalInfrastructure infra, List<BootService> services,
                                List<ServiceSupervisor> supervisors, PrintWriter out) {
        out.println("Stopping ...");
        out.flush();
        List<BootService> toStop;
        List<ServiceSupervisor> watching;
        synchronized (services) {
            infra.markClosing(); // under the lock: a service started from now on is closed by startServices itself
            toStop = new ArrayList<>(services);
            watching = new ArrayList<>(supervisors);
        }
        watching.parallelStream().forEach(ServiceSupervisor::close); // no restarts from now on; stops restarted ones
        toStop.parallelStream().forEach(BootService::close);
        infra.close();
        LauncherState.delete(infra.layout().stateFile());
        out.println("Stopped.");
        out.flush();
    }

    /**
     * The JVM options of one service: the shared ones plus its own {@code java.io.tmpdir} under the data directory.
     * Kafka Streams keeps its state stores below the temp directory by default; sharing the machine's /tmp would let
     * one data directory's classifier pick up the stores of another (with a different broker behind them).
     */
    static List<String> serviceJvmOptions(List<String> shared, DataLayout layout, String service) {
        List<String> options = new ArrayList<>(shared);
        options.removeIf(o -> o.startsWith("-Djava.io.tmpdir="));
        options.add("-Djava.io.tmpdir=" + createDirectories(layout.serviceTmpDir(service)));
        return List.copyOf(options);
    }

    /**
     * Copies a built jar to where the service runs it from. A service that ran from {@code <module>/target} broke
     * when someone rebuilt the checkout under it (Spring Boot reads its nested jars lazily, so every class not yet
     * loaded came from the new file: NoClassDefFoundError, requests hanging, while health stayed UP). The copy is
     * written beside its final name and moved into place, so a half-written jar is never started.
     */
    static Path snapshot(Path built, Path runFrom) {
        try {
            Files.createDirectories(runFrom.getParent());
            Path partial = runFrom.resolveSibling(runFrom.getFileName() + ".partial");
            Files.copy(built, partial, StandardCopyOption.REPLACE_EXISTING);
            return Files.move(partial, runFrom, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + built + " to " + runFrom, e);
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
