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
    void refusesTheSamePortForClientsAndController() {
        assertThatThrownBy(() -> new BrokerConfig("localhost", 9092, 9092, Path.of("d"), 1))
                .hasMessageContaining("must differ");
    }
}
