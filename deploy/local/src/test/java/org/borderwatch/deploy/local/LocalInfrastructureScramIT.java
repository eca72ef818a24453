package org.borderwatch.deploy.local;

import org.apache.kafka.clients.admin.Admin;
import org.borderwatch.common.topic.Topic;
import org.borderwatch.common.topic.Topics;
import org.borderwatch.deploy.local.kafka.ScramCredentials;
import org.borderwatch.deploy.local.ports.PortCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The broker with {@code --kafka-sasl-scram}: the user exists from the first start (bootstrapped when the storage is
 * formatted), the launcher's own clients and the client commands authenticate, a client without credentials gets
 * nothing, and a later start with another password says why it cannot work instead of waiting. The last start
 * adds {@code --kafka-tls} on the same storage: the same user over {@code SASL_SSL}, the client commands with the
 * truststore the launcher made, and a client that does not speak TLS gets nothing.
 */
class LocalInfrastructureScramIT {

    private static final ScramCredentials USER = new ScramCredentials("bw-local", "first-Pw.1");

    @TempDir
    Path data;

    @TempDir
    Path work;

    @Test
    void everyClientAuthenticatesAndTheUserIsFixedWhenTheStorageIsFormatted() throws Exception {
        LocalInfrastructure.Settings settings = settings(USER);
        String clusterId;
        try (LocalInfrastructure infra = LocalInfrastructure.start(settings)) {
            clusterId = infra.broker().clusterId();
            assertThat(infra.environment())
                    .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", USER.clientJaasConfig());
            // the topics were created through an authenticated admin client
            assertThat(infra.topics()).hasSize(Topics.all().size());
            try (Admin admin = infra.admin()) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                        .containsAll(Topics.all().stream().map(Topic::name).toList());
            }

            String bootstrap = infra.bootstrapServers();
            String credentials = USER.user() + ":" + USER.password();
            Path lines = Files.writeString(work.resolve("lines.txt"), "{\"one\":1}\n{\"two\":2}\n");
            Cli produce = Cli.run("produce", "--bootstrap", bootstrap, "--kafka-sasl-scram", credentials,
                    "--topic", Topics.RAW_STATEMENT.name(), "--input", lines.toString());
            assertThat(produce.exit).as(produce.err).isZero();
            Cli consume = Cli.run("consume", "--bootstrap", bootstrap, "--kafka-sasl-scram", credentials,
                    "--topic", Topics.RAW_STATEMENT.name());
            assertThat(consume.exit).as(consume.err).isZero();
            assertThat(consume.out).contains("{\"one\":1}", "{\"two\":2}");

            Cli anonymous = Cli.run("consume", "--bootstrap", bootstrap, "--topic", Topics.RAW_STATEMENT.name(),
                    "--timeout", "3s");
            assertThat(anonymous.exit).as("consume without credentials").isEqualTo(ExitCodes.FAILURE);
            assertThat(anonymous.out).doesNotContain("{\"one\":1}");
            Cli forged = Cli.run("produce", "--bootstrap", bootstrap, "--topic", Topics.RAW_STATEMENT.name(),
                    "--input", lines.toString(), "--timeout", "3");
            assertThat(forged.exit).as("produce without credentials").isEqualTo(ExitCodes.FAILURE);

            new LauncherState(ProcessHandle.current().pid(), Instant.now(), "localhost", bootstrap, infra.mongoUri(),
                    Map.of()).write(infra.layout().stateFile());
            Cli status = Cli.run("status", "--data", data.toString(), "--kafka-sasl-scram", credentials, "--topics");
            assertThat(status.exit).as(status.out + status.err).isZero();
            assertThat(status.out).contains(Topics.ALERTS.name());
            Cli statusWithoutCredentials = Cli.run("status", "--data", data.toString(), "--timeout", "3");
            assertThat(statusWithoutCredentials.exit).as("status without credentials finds Kafka DOWN")
                    .isEqualTo(ExitCodes.FAILURE);
        }

        ScramCredentials otherPassword = new ScramCredentials(USER.user(), "second-Pw.2");
        assertThatThrownBy(() -> LocalInfrastructure.start(settings(otherPassword)).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SCRAM users are added when the storage is formatted")
                .hasMessageNotContaining("second-Pw.2");

        try (LocalInfrastructure again = LocalInfrastructure.start(withTls(settings(USER)))) {
            assertThat(again.broker().clusterId()).isEqualTo(clusterId);
            assertThat(again.topics()).noneMatch(org.borderwatch.deploy.local.kafka.TopicCreator.Outcome::created);
            assertThat(again.kafkaProtocol()).isEqualTo("SASL_SSL");
            assertThat(again.environment())
                    .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION",
                            again.layout().tlsDir().resolve("truststore.p12").toUri().toString())
                    .containsKey("SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", USER.clientJaasConfig());

            String bootstrap = again.bootstrapServers();
            String credentials = USER.user() + ":" + USER.password();
            Cli consume = Cli.run("consume", "--bootstrap", bootstrap, "--data", data.toString(), "--kafka-tls",
                    "--kafka-sasl-scram", credentials, "--topic", Topics.RAW_STATEMENT.name());
            assertThat(consume.exit).as(consume.err).isZero();
            assertThat(consume.out).contains("{\"one\":1}", "{\"two\":2}");
            Cli withoutTls = Cli.run("consume", "--bootstrap", bootstrap, "--kafka-sasl-scram", credentials,
                    "--topic", Topics.RAW_STATEMENT.name(), "--timeout", "3s");
            assertThat(withoutTls.exit).as("consume over SASL_PLAINTEXT to the TLS listener")
                    .isEqualTo(ExitCodes.FAILURE);
            assertThat(withoutTls.out).doesNotContain("{\"one\":1}");

            new LauncherState(ProcessHandle.current().pid(), Instant.now(), "localhost", bootstrap, again.mongoUri(),
                    Map.of()).write(again.layout().stateFile());
            Cli status = Cli.run("status", "--data", data.toString(), "--kafka-sasl-scram", credentials,
                    "--kafka-tls");
            assertThat(status.exit).as(status.out + status.err).isZero();
        }
    }

    private static LocalInfrastructure.Settings withTls(LocalInfrastructure.Settings s) {
        return new LocalInfrastructure.Settings(s.dataDir(), s.host(), s.kafkaPort(), s.controllerPort(), s.mongoPort(),
                s.partitions(), s.kafkaHeap(), s.kafkaLibs(), s.database(), s.startTimeout(), s.kafkaScram(), true);
    }

    private LocalInfrastructure.Settings settings(ScramCredentials scram) {
        return new LocalInfrastructure.Settings(data, "localhost", PortCheck.freePort(), PortCheck.freePort(),
                PortCheck.freePort(), 2, "384m", null, "borderwatch", Duration.ofSeconds(90), scram);
    }

    /** One command of the launcher, run in this JVM. */
    private record Cli(int exit, String out, String err) {

        static Cli run(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = Launcher.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int exit = cli.execute(args);
            return new Cli(exit, out.toString(), err.toString());
        }
    }
}
