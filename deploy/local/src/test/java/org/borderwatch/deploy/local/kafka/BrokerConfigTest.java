package org.borderwatch.deploy.local.kafka;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerConfigTest {

    private final BrokerConfig config = new BrokerConfig("localhost", 19092, 19093, Path.of("/var/bw/kafka/data"), 4);

    @Test
    void singleNodeKraftWithBrokerAndControllerInOneProcess() {
        assertThat(config.properties())
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@localhost:19093")
                .containsEntry("listeners", "PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://localhost:19092")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("log.dirs", "/var/bw/kafka/data")
                .containsEntry("num.partitions", "4");
        assertThat(config.bootstrapServers()).isEqualTo("localhost:19092");
    }

    @Test
    void everyInternalTopicHasReplicationOneSoTransactionsWorkOnOneNode() {
        assertThat(config.properties())
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1")
                .containsEntry("default.replication.factor", "1")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
    }

    @Test
    void rendersAPropertiesFileThatReadsBackTheSame() throws IOException {
        BrokerConfig windowsLike = new BrokerConfig("localhost", 9092, 9093, Path.of("C:\\data\\kafka").toAbsolutePath(), 6);
        Properties read = new Properties();
        read.load(new StringReader(windowsLike.render()));
        assertThat(read).containsExactlyInAnyOrderEntriesOf(windowsLike.properties());
    }

    @Test
    void withoutScramNoListenerAsksForAuthenticationAndClientsNeedNothing() {
        assertThat(config.authenticated()).isFalse();
        assertThat(config.clientSecurity()).isEmpty();
        assertThat(config.properties()).containsEntry("listener.security.protocol.map",
                        "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT")
                .containsEntry("inter.broker.listener.name", "PLAINTEXT")
                .doesNotContainKeys("sasl.enabled.mechanisms", "sasl.mechanism.controller.protocol");
    }

    @Test
    void withScramEveryListenerAsksForSaslAndTheBrokerLogsInAsTheUser() {
        BrokerConfig scram = new BrokerConfig("localhost", 19092, 19093, Path.of("/var/bw/kafka/data"), 4,
                new ScramCredentials("bw", "pw-1"));
        assertThat(scram.authenticated()).isTrue();
        assertThat(scram.properties())
                .containsEntry("listeners", "SASL_PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093")
                .containsEntry("advertised.listeners", "SASL_PLAINTEXT://localhost:19092")
                .containsEntry("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT")
                .containsEntry("inter.broker.listener.name", "SASL_PLAINTEXT")
                .containsEntry("sasl.enabled.mechanisms", "SCRAM-SHA-512")
                .containsEntry("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512")
                .containsEntry("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"bw\" "
                                + "password=\"pw-1\";")
                // KRaft's controller cannot use SCRAM (its credentials live in the metadata it serves): PLAIN
                .containsEntry("sasl.mechanism.controller.protocol", "PLAIN")
                .containsEntry("listener.name.controller.sasl.enabled.mechanisms", "PLAIN")
                .containsEntry("listener.name.controller.plain.sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"bw\" "
                                + "password=\"pw-1\" user_bw=\"pw-1\";");
        assertThat(scram.clientSecurity()).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(scram.toString()).doesNotContain("pw-1");
    }

    @Test
    void withTlsAndScramEveryListenerIsSaslSslAndTheBrokerTrustsItsOwnCertificate() {
        KafkaTls tls = new KafkaTls(Path.of("/var/bw/tls/broker.p12"), Path.of("/var/bw/tls/truststore.p12"), "tls-pw");
        BrokerConfig both = new BrokerConfig("localhost", 19092, 19093, Path.of("/var/bw/kafka/data"), 4,
                new ScramCredentials("bw", "pw-1"), tls);
        assertThat(both.properties())
                .containsEntry("listeners", "SASL_SSL://localhost:19092,CONTROLLER://localhost:19093")
                .containsEntry("advertised.listeners", "SASL_SSL://localhost:19092")
                .containsEntry("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:SASL_SSL")
                .containsEntry("inter.broker.listener.name", "SASL_SSL")
                .containsKey("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config")
                .containsEntry("ssl.keystore.location", "/var/bw/tls/broker.p12")
                .containsEntry("ssl.keystore.type", "PKCS12")
                .containsEntry("ssl.key.password", "tls-pw")
                .containsEntry("ssl.truststore.location", "/var/bw/tls/truststore.p12")
                .containsEntry("ssl.client.auth", "none");
        assertThat(both.clientSecurity()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/var/bw/tls/truststore.p12")
                .containsEntry("ssl.truststore.password", "tls-pw")
                .doesNotContainKey("ssl.keystore.location"); // clients get the truststore only, never the key
        assertThat(both.security().springEnvironment())
                .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION", "file:///var/bw/tls/truststore.p12")
                .containsEntry("SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD", "tls-pw")
                .containsEntry("SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PKCS12")
                .containsKey("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");

        BrokerConfig tlsOnly = new BrokerConfig("localhost", 19092, 19093, Path.of("/var/bw/kafka/data"), 4, null, tls);
        assertThat(tlsOnly.properties()).containsEntry("listener.security.protocol.map", "SSL:SSL,CONTROLLER:SSL")
                .doesNotContainKey("sasl.enabled.mechanisms");
        assertThat(tlsOnly.clientSecurity()).containsEntry("security.protocol", "SSL").doesNotContainKey("sasl.mechanism");
        assertThat(new BrokerConfig("localhost", 19092, 19093, Path.of("d"), 4).clientSecurity()).isEmpty();
    }

    @Test
    void aScramConfigRendersToAPropertiesFileThatReadsBackTheSame() throws IOException {
        BrokerConfig scram = new BrokerConfig("localhost", 9092, 9093, Path.of("d").toAbsolutePath(), 6,
                new ScramCredentials("bw", "pw-1"));
        Properties read = new Properties();
        read.load(new StringReader(scram.render()));
        assertThat(read).containsExactlyInAnyOrderEntriesOf(scram.properties());
    }

    @Test
    void refusesTheSamePortForClientsAndController() {
        assertThatThrownBy(() -> new BrokerConfig("localhost", 9092, 9092, Path.of("d"), 1))
                .hasMessageContaining("must differ");
    }
}
