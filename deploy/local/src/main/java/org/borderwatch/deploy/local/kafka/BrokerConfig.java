package org.borderwatch.deploy.local.kafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The properties of the single-node KRaft broker (broker and controller in one process). Every internal topic is
 * at replication 1 so that consumer groups, transactions and Kafka Streams {@code exactly_once_v2} work on one node.
 *
 * @param host              the host name the listeners bind to and advertise
 * @param port              the client port
 * @param controllerPort    the KRaft controller port
 * @param logDir            where the broker keeps its partitions
 * @param defaultPartitions partitions of topics created without a count (e.g. auto-created ones)
 * @param scram             when not {@code null}, every listener asks for authentication: the client (and
 *                          inter-broker) listener is {@code SASL_PLAINTEXT} with SCRAM-SHA-512 for this user, the
 *                          controller listener {@code SASL_PLAINTEXT} with PLAIN for the same user and password
 *                          (KRaft cannot use SCRAM there: the controller needs it before the metadata that holds the
 *                          SCRAM credentials is read)
 * @param tls               when not {@code null}, every listener (client, inter-broker and controller) speaks TLS
 *                          with this key pair: {@code SSL}, or {@code SASL_SSL} with {@code scram}
 */
public record BrokerConfig(String host, int port, int controllerPort, Path logDir, int defaultPartitions,
                           ScramCredentials scram, KafkaTls tls) {

    public static final int NODE_ID = 1;
    /** Partitions of {@code __consumer_offsets} and {@code __transaction_state}: Kafka's 50 are slow to create. */
    static final int INTERNAL_TOPIC_PARTITIONS = 10;

    public BrokerConfig {
        if (port == controllerPort) {
            throw new IllegalArgumentException("the Kafka port and the controller port must differ: " + port);
        }
        if (defaultPartitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + defaultPartitions);
        }
    }

    /** A broker without authentication (every listener {@code PLAINTEXT}). */
    public BrokerConfig(String host, int port, int controllerPort, Path logDir, int defaultPartitions) {
        this(host, port, controllerPort, logDir, defaultPartitions, null, null);
    }

    /** A broker without TLS, with SCRAM when {@code scram} is not {@code null}. */
    public BrokerConfig(String host, int port, int controllerPort, Path logDir, int defaultPartitions,
                        ScramCredentials scram) {
        this(host, port, controllerPort, logDir, defaultPartitions, scram, null);
    }

    public boolean authenticated() {
        return scram != null;
    }

    /** How clients reach the client listener: the protocol, and SCRAM and the truststore as configured. */
    public KafkaClientSecurity security() {
        return new KafkaClientSecurity(scram, tls);
    }

    /** The settings a client needs besides the bootstrap servers (none for a {@code PLAINTEXT} broker). */
    public Map<String, String> clientSecurity() {
        return security().clientProperties();
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    /** The server properties, in the order they are written. */
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        String client = security().protocol();
        p.put("listeners", client + "://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", client + "://" + host + ":" + port);
        p.put("listener.security.protocol.map", client + ":" + client + ",CONTROLLER:" + client);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", client);
        if (scram != null) {
            p.put("sasl.enabled.mechanisms", ScramCredentials.MECHANISM);
            p.put("sasl.mechanism.inter.broker.protocol", ScramCredentials.MECHANISM);
            // the broker logs in to its own client listener as the bootstrapped SCRAM user
            p.put("listener.name." + client.toLowerCase(Locale.ROOT) + "."
                    + ScramCredentials.MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                    scram.clientJaasConfig());
            p.put("sasl.mechanism.controller.protocol", "PLAIN");
            p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
            p.put("listener.name.controller.plain.sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + scram.user()
                            + "\" password=\"" + scram.password() + "\" user_" + scram.user() + "=\""
                            + scram.password() + "\";");
        }
        if (tls != null) {
            // every listener, the controller's too: the broker's own connections check its certificate like a client
            p.putAll(tls.brokerProperties());
            p.put("ssl.client.auth", "none");
        }
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", Integer.toString(defaultPartitions));
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", Integer.toString(INTERNAL_TOPIC_PARTITIONS));
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", Integer.toString(INTERNAL_TOPIC_PARTITIONS));
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    /** The properties as a {@code server.properties} file. */
    public String render() {
        StringBuilder out = new StringBuilder("# Written by the BorderWatch launcher on every start; edits are lost.\n");
        properties().forEach((k, v) -> out.append(k).append('=').append(escape(v)).append('\n'));
        return out.toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }
}
