package org.borderwatch.deploy.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.borderwatch.deploy.local.kafka.BrokerConfig;
import org.borderwatch.deploy.local.kafka.KafkaBroker;
import org.borderwatch.deploy.local.kafka.KafkaLibs;
import org.borderwatch.deploy.local.kafka.KafkaTls;
import org.borderwatch.deploy.local.kafka.ScramCredentials;
import org.borderwatch.deploy.local.kafka.TopicCreator;
import org.borderwatch.deploy.local.kafka.TopicPlan;
import org.borderwatch.deploy.local.ports.PortCheck;
import org.borderwatch.deploy.local.ports.PortRequest;
import org.borderwatch.deploy.local.process.WatchdogInstaller;
import org.borderwatch.deploy.local.store.MongoStore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The running infrastructure: the Kafka broker child, the in-process store and the topics. {@link #start} checks the
 * ports, locks the data directory, starts the store and the broker and creates the topics; {@link #close} stops
 * them in reverse order and can be called more than once (the shutdown hook and an error path may both call it).
 */
public final class LocalInfrastructure implements AutoCloseable {

    /** The environment variables the services read. */
    public static final String ENV_KAFKA = "SPRING_KAFKA_BOOTSTRAP_SERVERS";
    public static final String ENV_MONGO = "SPRING_MONGODB_URI";

    /**
     * @param kafkaLibs    the broker jars, or {@code null} for the directory beside the launcher
     * @param database     the database name put in the MongoDB URI
     * @param startTimeout how long the broker may take to become ready
     * @param kafkaScram   when not {@code null}, the broker authenticates every client with SASL/SCRAM-SHA-512 as
     *                     this user (created when its storage is formatted), and so do the launcher's clients and
     *                     the services given {@link #environment()}
     * @param kafkaTls     whether every listener of the broker speaks TLS with a self-signed key pair for
     *                     {@code host}, made in the data directory's {@code tls/} on the first start, whose
     *                     truststore the launcher's clients and the services are given ({@code SSL}, or
     *                     {@code SASL_SSL} with {@code kafkaScram})
     */
    public record Settings(Path dataDir, String host, int kafkaPort, int controllerPort, int mongoPort, int partitions,
                           String kafkaHeap, Path kafkaLibs, String database, Duration startTimeout,
                           ScramCredentials kafkaScram, boolean kafkaTls) {

        public Settings {
            if (partitions < 1) {
                throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
            }
        }

        /** Settings of a broker without authentication. */
        public Settings(Path dataDir, String host, int kafkaPort, int controllerPort, int mongoPort, int partitions,
                        String kafkaHeap, Path kafkaLibs, String database, Duration startTimeout) {
            this(dataDir, host, kafkaPort, controllerPort, mongoPort, partitions, kafkaHeap, kafkaLibs, database,
                    startTimeout, null, false);
        }

        /** Settings of a broker without TLS, with SCRAM when {@code kafkaScram} is not {@code null}. */
        public Settings(Path dataDir, String host, int kafkaPort, int controllerPort, int mongoPort, int partitions,
                        String kafkaHeap, Path kafkaLibs, String database, Duration startTimeout,
                        ScramCredentials kafkaScram) {
            this(dataDir, host, kafkaPort, controllerPort, mongoPort, partitions, kafkaHeap, kafkaLibs, database,
                    startTimeout, kafkaScram, false);
        }

        public List<PortRequest> portRequests() {
            return List.of(new PortRequest("Kafka", kafkaPort, "--kafka-port"),
                    new PortRequest("the Kafka controller", controllerPort, "--controller-port"),
                    new PortRequest("the MongoDB-wire store", mongoPort, "--mongo-port"));
        }

        BrokerConfig brokerConfig(DataLayout layout, KafkaTls tls) {
            return new BrokerConfig(host, kafkaPort, controllerPort, layout.kafkaLogDir(), partitions, kafkaScram, tls);
        }
    }

    private final Settings settings;
    private final DataLayout layout;
    private final DataDirLock lock;
    private KafkaTls tls;
    private MongoStore store;
    private KafkaBroker broker;
    private List<TopicCreator.Outcome> topics = List.of();
    private volatile boolean closing;

    private LocalInfrastructure(Settings settings, DataLayout layout, DataDirLock lock) {
        this.settings = settings;
        this.layout = layout;
        this.lock = lock;
    }

    public static LocalInfrastructure start(Settings settings) {
        new PortCheck(settings.host()).requireFree(settings.portRequests());
        Path libs = KafkaLibs.locate(settings.kafkaLibs());
        DataLayout layout = new DataLayout(settings.dataDir());
        LocalInfrastructure infra = new LocalInfrastructure(settings, layout, DataDirLock.acquire(layout));
        try {
            infra.startAll(libs);
            return infra;
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
    }

    private void startAll(Path libs) {
        Path watchdog = WatchdogInstaller.install(layout.watchdogDir());
        if (settings.kafkaTls()) {
            tls = KafkaTls.ensure(layout.tlsDir(), settings.host());
        }
        store = MongoStore.start(layout.mongoDir(), settings.host(), settings.mongoPort());
        broker = KafkaBroker.start(new KafkaBroker.Settings(settings.brokerConfig(layout, tls), layout.kafkaDir(), libs,
                watchdog, layout.logFile("kafka"), settings.kafkaHeap(), settings.startTimeout()));
        try (Admin admin = admin()) {
            topics = new TopicCreator(admin).ensure(TopicPlan.forCatalogue(settings.partitions()));
        }
    }

    /** A new admin client for the broker (authenticated when the broker asks for it); the caller closes it. */
    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.putAll(clientSecurity());
        return Admin.create(props);
    }

    /** What a Kafka client needs besides the bootstrap servers: nothing, or the SASL/SCRAM and TLS settings. */
    public Map<String, String> clientSecurity() {
        return settings.brokerConfig(layout, tls).clientSecurity();
    }

    /** The client listener's protocol: {@code PLAINTEXT}, {@code SASL_PLAINTEXT}, {@code SSL} or {@code SASL_SSL}. */
    public String kafkaProtocol() {
        return settings.brokerConfig(layout, tls).security().protocol();
    }

    public String bootstrapServers() {
        return settings.brokerConfig(layout, tls).bootstrapServers();
    }

    public String mongoUri() {
        return store.uri(settings.database());
    }

    /**
     * {@code SPRING_KAFKA_BOOTSTRAP_SERVERS} and {@code SPRING_MONGODB_URI}, in that order; with SCRAM also
     * {@code SPRING_KAFKA_SECURITY_PROTOCOL}, {@code SPRING_KAFKA_PROPERTIES_SASL_MECHANISM} and
     * {@code SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG}, with TLS {@code SPRING_KAFKA_SECURITY_PROTOCOL} and
     * {@code SPRING_KAFKA_SSL_TRUST_STORE_LOCATION}, {@code _PASSWORD} and {@code _TYPE} (the variables
     * deploy/k8s/README.md gives operators).
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(ENV_KAFKA, bootstrapServers());
        env.put(ENV_MONGO, mongoUri());
        env.putAll(settings.brokerConfig(layout, tls).security().springEnvironment());
        return env;
    }

    /** The SCRAM user every client authenticates as, when the broker asks for authentication. */
    public Optional<ScramCredentials> scram() {
        return Optional.ofNullable(settings.kafkaScram());
    }

    /** The broker's key pair and the clients' truststore, when the broker speaks TLS. */
    public Optional<KafkaTls> tls() {
        return Optional.ofNullable(tls);
    }

    public List<TopicCreator.Outcome> topics() {
        return topics;
    }

    public KafkaBroker broker() {
        return broker;
    }

    public DataLayout layout() {
        return layout;
    }

    public boolean isClosing() {
        return closing;
    }

    /** Marks the stop as intended before the services and the broker go, so their exits are not reported. */
    public void markClosing() {
        closing = true;
    }

    @Override
    public synchronized void close() {
        closing = true;
        if (broker != null) {
            broker.close();
            broker = null;
        }
        if (store != null) {
            store.close();
        }
        lock.close();
    }
}
