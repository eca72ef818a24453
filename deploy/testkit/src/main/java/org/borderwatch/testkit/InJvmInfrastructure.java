package org.borderwatch.testkit;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * A real Apache Kafka broker (KRaft, the broker code itself, in this JVM) and mongo-java-server speaking the MongoDB
 * wire protocol. Each is started on first use.
 */
final class InJvmInfrastructure implements InfrastructureProvider {

    /** Settings a single-node cluster needs for transactions and exactly-once to work. */
    static final Map<String, String> SINGLE_NODE_BROKER = Map.of(
            "offsets.topic.replication.factor", "1",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "share.coordinator.state.topic.replication.factor", "1",
            "share.coordinator.state.topic.min.isr", "1",
            "group.initial.rebalance.delay.ms", "0",
            "auto.create.topics.enable", "true",
            "num.partitions", "1");

    private EmbeddedKafkaKraftBroker broker;
    private MongoServer mongo;
    private String mongoUri;

    @Override
    public synchronized String kafkaBootstrapServers() {
        if (broker == null) {
            EmbeddedKafkaKraftBroker b = new EmbeddedKafkaKraftBroker(1, 1);
            b.brokerProperties(SINGLE_NODE_BROKER);
            b.afterPropertiesSet();
            broker = b;
        }
        return broker.getBrokersAsString();
    }

    @Override
    public synchronized String mongoUri() {
        if (mongo == null) {
            mongo = new MongoServer(new MemoryBackend());
            InetSocketAddress address = mongo.bind();
            mongoUri = "mongodb://127.0.0.1:" + address.getPort() + "/borderwatch";
        }
        return mongoUri;
    }

    @Override
    public synchronized void close() {
        if (mongo != null) {
            mongo.shutdownNow();
            mongo = null;
        }
        if (broker != null) {
            broker.destroy();
            broker = null;
        }
    }
}
