package org.borderwatch.deploy.local.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.borderwatch.deploy.local.process.ChildProcess;
import org.borderwatch.deploy.local.process.JavaCommand;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The Apache Kafka broker in its own JVM, run from the jars in {@code kafka-libs}. Storage is formatted once (the
 * cluster id is kept in the data directory); every start rewrites {@code server.properties} from the current ports.
 *
 * <p>Layout under the Kafka directory: {@code server.properties}, {@code log4j2.properties}, {@code cluster.id},
 * {@code data/} (the partitions; {@code meta.properties} marks it formatted).
 */
public final class KafkaBroker implements AutoCloseable {

    static final Pattern STARTED = Pattern.compile("Kafka Server started");
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /**
     * @param kafkaDir    the broker's directory under the data directory
     * @param libs        the directory of broker jars
     * @param watchdogDir where {@code ParentWatchdog} is installed
     * @param logFile     where the broker's output goes
     * @param heap        the child's maximum heap, e.g. {@code 512m}
     */
    public record Settings(BrokerConfig config, Path kafkaDir, Path libs, Path watchdogDir, Path logFile, String heap,
                           Duration startTimeout) {
    }

    private final Settings settings;
    private ChildProcess process;
    /** Whether this start found the storage already formatted (SCRAM users are only added when formatting). */
    private boolean formattedBefore;

    private KafkaBroker(Settings settings) {
        this.settings = settings;
    }

    /** Formats storage if needed, starts the broker and returns once it answers an admin request. */
    public static KafkaBroker start(Settings settings) {
        KafkaBroker broker = new KafkaBroker(settings);
        try {
            broker.prepare();
            broker.launch();
            broker.awaitReady();
            return broker;
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return settings.config().bootstrapServers();
    }

    public long pid() {
        return process.pid();
    }

    public ChildProcess process() {
        return process;
    }

    /** The cluster id of this data directory, created on the first start. */
    public String clusterId() {
        return readClusterId(settings.kafkaDir());
    }

    private void prepare() {
        Path dir = settings.kafkaDir();
        write(dir.resolve("server.properties"), settings.config().render());
        write(dir.resolve("log4j2.properties"), LOG4J_CONFIG);
        Path clusterIdFile = dir.resolve("cluster.id");
        Optional<String> formatted = formattedClusterId(settings.config().logDir());
        formattedBefore = formatted.isPresent();
        if (formatted.isPresent()) {
            write(clusterIdFile, formatted.get() + "\n"); // the storage is the authority once formatted
            return;
        }
        if (!Files.exists(clusterIdFile)) {
            write(clusterIdFile, Uuid.randomUuid().toString() + "\n");
        }
        format(readClusterId(dir));
    }

    private void format(String clusterId) {
        List<String> args = new ArrayList<>(List.of("format", "-t", clusterId, "-c",
                settings.kafkaDir().resolve("server.properties").toString(), "--ignore-formatted"));
        ScramCredentials scram = settings.config().scram();
        if (scram != null) {
            // the SCRAM user goes into the first metadata records: the broker can authenticate clients (and itself
            // on its inter-broker listener) from its first start, before anyone could create a user over the wire
            args.addAll(List.of("--add-scram", scram.storageToolArgument()));
        }
        JavaCommand cmd = javaCommand("-Xmx256m", "kafka.tools.StorageTool", args);
        ChildProcess tool = run("kafka-format", cmd);
        if (!tool.waitFor(Duration.ofSeconds(60))) {
            tool.stop(Duration.ofSeconds(1));
            throw new IllegalStateException("Formatting Kafka storage did not finish within 60 s; see " + tool.logFile());
        }
        if (tool.exitCode() != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed (exit " + tool.exitCode() + "):\n  "
                    + String.join("\n  ", tool.logTail(15)));
        }
    }

    private void launch() {
        JavaCommand cmd = javaCommand("-Xmx" + settings.heap(), "kafka.Kafka",
                List.of(settings.kafkaDir().resolve("server.properties").toString()));
        process = run("kafka", cmd);
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(settings.startTimeout());
        while (!process.logContains(STARTED)) {
            checkAlive();
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Kafka did not start within " + settings.startTimeout().toSeconds()
                        + " s; see " + process.logFile() + credentialsHint());
            }
            process.waitFor(Duration.ofMillis(200));
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.putAll(settings.config().clientSecurity());
        try (Admin admin = Admin.create(props)) {
            while (true) {
                checkAlive();
                try {
                    int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000)).nodes().get().size();
                    if (nodes > 0) {
                        return;
                    }
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for Kafka", e);
                    }
                    if (e.getCause() instanceof SaslAuthenticationException refused) {
                        throw new IllegalStateException("Kafka refuses the SCRAM user '"
                                + settings.config().scram().user() + "': " + refused.getMessage()
                                + credentialsHint(), refused);
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Kafka logged its start but does not answer on "
                            + bootstrapServers() + "; see " + process.logFile() + credentialsHint());
                }
                process.waitFor(Duration.ofMillis(200));
            }
        }
    }

    /** Why an authenticated start may fail on storage formatted earlier: its SCRAM users were fixed back then. */
    private String credentialsHint() {
        if (!settings.config().authenticated() || !formattedBefore) {
            return "";
        }
        return ". SCRAM users are added when the storage is formatted, and " + settings.config().logDir()
                + " was formatted by an earlier start (without this user or with another password): use a new data "
                + "directory, or delete its kafka/ directory for a fresh broker (its records are lost)";
    }

    private void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Kafka exited during start-up (exit " + process.exitCode() + "). Last lines of "
                    + process.logFile() + ":\n  " + String.join("\n  ", process.logTail(20)));
        }
    }

    private JavaCommand javaCommand(String heapOption, String mainClass, List<String> args) {
        return new JavaCommand(
                List.of(heapOption, "-Xms64m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                        "-Dlog4j2.configurationFile=" + settings.kafkaDir().resolve("log4j2.properties").toAbsolutePath()),
                List.of(KafkaLibs.classpathOf(settings.libs())), mainClass, args);
    }

    private ChildProcess run(String name, JavaCommand cmd) {
        List<String> line = cmd.commandLine(JavaCommand.currentJava(), settings.watchdogDir(), ProcessHandle.current().pid());
        return ChildProcess.start(name, line, Map.of(), settings.kafkaDir(), settings.logFile());
    }

    /** Stops the broker (a clean shutdown first) and waits until its process is gone. */
    @Override
    public void close() {
        if (process != null) {
            process.stop(STOP_GRACE);
        }
    }

    /** The cluster id in {@code meta.properties} of formatted storage, if the storage is formatted. */
    static Optional<String> formattedClusterId(Path logDir) {
        Path meta = logDir.resolve("meta.properties");
        if (!Files.exists(meta)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + meta, e);
        }
        return Optional.ofNullable(props.getProperty("cluster.id"));
    }

    static String readClusterId(Path kafkaDir) {
        try {
            return Files.readString(kafkaDir.resolve("cluster.id"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Kafka cluster id in " + kafkaDir, e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static final String LOG4J_CONFIG = """
            # Written by the BorderWatch launcher on every start; edits are lost.
            status = warn
            # Kafka's own shutdown hook logs its clean stop; log4j's hook would silence it halfway
            shutdownHook = disable
            appender.out.type = Console
            appender.out.name = OUT
            appender.out.layout.type = PatternLayout
            appender.out.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = INFO
            rootLogger.appenderRef.out.ref = OUT
            logger.stateChange.name = state.change.logger
            logger.stateChange.level = WARN
            logger.request.name = kafka.request.logger
            logger.request.level = WARN
            """;
}
