package org.borderwatch.testkit;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** Kafka and MongoDB in containers, for machines with a Docker engine. Each is started on first use. */
final class ContainerInfrastructure implements InfrastructureProvider {

    static final String KAFKA_IMAGE = System.getProperty("borderwatch.test.kafka-image", "apache/kafka:4.1.2");
    static final String MONGO_IMAGE = System.getProperty("borderwatch.test.mongo-image", "mongo:8.0");

    private KafkaContainer kafka;
    private MongoDBContainer mongo;

    @Override
    public synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            KafkaContainer k = new KafkaContainer(KAFKA_IMAGE)
                    .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                    .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                    .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1");
            k.start();
            kafka = k;
        }
        return kafka.getBootstrapServers();
    }

    @Override
    public synchronized String mongoUri() {
        if (mongo == null) {
            MongoDBContainer m = new MongoDBContainer(MONGO_IMAGE);
            m.start();
            mongo = m;
        }
        return mongo.getReplicaSetUrl("borderwatch");
    }

    @Override
    public synchronized void close() {
        if (kafka != null) {
            kafka.stop();
            kafka = null;
        }
        if (mongo != null) {
            mongo.stop();
            mongo = null;
        }
    }
}
