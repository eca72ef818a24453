package org.borderwatch.deploy.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.borderwatch.deploy.local.kafka.TopicPlan;
import org.borderwatch.deploy.local.kafka.TopicSpec;
import org.borderwatch.deploy.local.services.BootService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/** {@code status}: what a launcher using this data directory is running, and whether each part answers. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows whether the launcher using the data directory runs and whether Kafka (with every topic "
                + "of the catalogue), the store and the services answer. Exit code 0 when everything answers, 1 "
                + "otherwise.")
public final class StatusCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path data = Path.of("data");

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "How long each check may take before its part counts as DOWN (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds = 10;

    @Option(names = "--topics", description = "Also list the catalogue's topics with their partition counts.")
    boolean listTopics;

    @Option(names = "--kafka-sasl-scram", paramLabel = "USER:PASSWORD",
            description = "Authenticate with SASL/SCRAM-SHA-512 as this user (a broker started with "
                    + "'up --kafka-sasl-scram').")
    String scram;

    @Option(names = "--kafka-tls", description = "Speak TLS, trusting the certificate of the broker started with "
            + "'up --kafka-tls' on --data (its DIR/tls/truststore.p12).")
    boolean tls;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> security;
        try {
            security = BrokerOptions.clientSecurity(scram, tls, data);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.USAGE;
        }
        DataLayout layout = new DataLayout(data);
        Optional<LauncherState> found = LauncherState.read(layout.stateFile());
        if (found.isEmpty()) {
            out.println("Not running: no launcher uses " + layout.root());
            return ExitCodes.FAILURE;
        }
        LauncherState state = found.get();
        boolean ok = line(out, "launcher", "pid " + state.pid() + ", since " + state.started(),
                state.isAlive());
        Duration timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
        Optional<KafkaView> kafka = kafkaView(state.kafka(), security, timeout, listTopics);
        ok &= line(out, "kafka", state.kafka() + kafka.map(k -> ", " + k.detail()).orElse(""),
                kafka.map(KafkaView::complete).orElse(false));
        kafka.ifPresent(k -> k.topicLines().forEach(out::println));
        URI mongo = URI.create(state.mongoUri());
        ok &= line(out, "store", state.mongoUri(), canConnect(mongo.getHost(), mongo.getPort(), timeout));
        for (Map.Entry<String, Integer> service : state.services().entrySet()) {
            URI ready = URI.create("http://" + state.host() + ":" + service.getValue() + BootService.READINESS_PATH);
            ok &= line(out, service.getKey(), ready.toString(), answers200(ready, timeout));
        }
        out.flush();
        return ok ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static boolean line(PrintWriter out, String what, String detail, boolean up) {
        out.printf("%-20s %-5s %s%n", what, up ? "UP" : "DOWN", detail);
        return up;
    }

    /** What the broker answered: the cluster, the catalogue topics it lacks and, when asked, each topic's size. */
    record KafkaView(int nodes, int topics, Set<String> missing, List<String> topicLines) {
        boolean complete() {
            return missing.isEmpty();
        }

        String detail() {
            return nodes + " node(s), " + topics + " topic(s)"
                    + (missing.isEmpty() ? "" : "; missing from the catalogue: " + String.join(", ", missing));
        }
    }

    /** The catalogue topics absent from {@code existing}, sorted. */
    static Set<String> missingTopics(Set<String> existing) {
        Set<String> missing = new TreeSet<>();
        for (TopicSpec spec : TopicPlan.forCatalogue(TopicPlan.DEFAULT_PARTITIONS)) {
            if (!existing.contains(spec.name())) {
                missing.add(spec.name());
            }
        }
        return missing;
    }

    private static Optional<KafkaView> kafkaView(String bootstrap, Map<String, String> security, Duration timeout,
                                                 boolean listTopics) {
        String millis = Long.toString(timeout.toMillis());
        int timeoutMs = (int) timeout.toMillis();
        Properties props = new Properties();
        props.putAll(security);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        Admin admin = null;
        try {
            admin = Admin.create(props);
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs)).nodes()
                    .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS).size();
            Set<String> topics = admin.listTopics(new ListTopicsOptions().timeoutMs(timeoutMs)).names()
                    .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            Set<String> missing = missingTopics(topics);
            List<String> lines = List.of();
            if (listTopics) {
                List<String> present = TopicPlan.forCatalogue(TopicPlan.DEFAULT_PARTITIONS).stream()
                        .map(TopicSpec::name).filter(topics::contains).toList();
                Map<String, TopicDescription> described = admin.describeTopics(present,
                                new DescribeTopicsOptions().timeoutMs(timeoutMs)).allTopicNames()
                        .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
                lines = TopicPlan.forCatalogue(TopicPlan.DEFAULT_PARTITIONS).stream()
                        .map(spec -> String.format("  %-44s %s", spec.name(), described.containsKey(spec.name())
                                ? described.get(spec.name()).partitions().size() + " partition(s)" : "MISSING"))
                        .toList();
            }
            return Optional.of(new KafkaView(nodes, topics.size(), missing, lines));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        } finally {
            if (admin != null) {
                // a broker that stopped answering must not hold 'status' up: close() alone waits for pending calls
                admin.close(Duration.ofSeconds(1));
            }
        }
    }

    private static boolean canConnect(String host, int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean answers200(URI uri, Duration timeout) {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
            return http.send(HttpRequest.newBuilder(uri).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
