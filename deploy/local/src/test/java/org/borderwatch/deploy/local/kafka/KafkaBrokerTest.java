package org.borderwatch.deploy.local.kafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTest {

    @TempDir
    Path tmp;

    @Test
    void formattedStorageIsRecognisedByItsMetaPropertiesAndGivesTheClusterId() throws IOException {
        assertThat(KafkaBroker.formattedClusterId(tmp)).isEmpty();
        Files.writeString(tmp.resolve("meta.properties"), "#\nnode.id=1\nversion=1\ncluster.id=GUGREduzTFyWngcXqWZsrQ\n");
        assertThat(KafkaBroker.formattedClusterId(tmp)).contains("GUGREduzTFyWngcXqWZsrQ");
    }

    @Test
    void theBrokerLogsItsStartAndItsWholeShutdownToItsConsole() throws IOException {
        Properties log4j = new Properties();
        log4j.load(new StringReader(KafkaBroker.LOG4J_CONFIG));
        assertThat(log4j).containsEntry("rootLogger.level", "INFO")
                .containsEntry("appender.out.type", "Console")
                .containsEntry("shutdownHook", "disable");
        assertThat(KafkaBroker.STARTED.matcher("[2026-11-22 11:57:08,656] INFO [KafkaRaftServer nodeId=1] Kafka Server "
                + "started (kafka.server.KafkaRaftServer)").find()).isTrue();
    }
}
