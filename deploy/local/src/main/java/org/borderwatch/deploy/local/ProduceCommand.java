package org.borderwatch.deploy.local;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code produce}: sends each non-blank line of a file (or standard input) as one record to a topic of the running
 * stack, as a partner system would — the way to try the raw topics without installing Kafka's console tools.
 */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Sends each non-blank line of FILE (or standard input) as one record to a topic, as a partner "
                + "system would, e.g. statements (JSON lines) to border.reports.raw.statement or ACLED rows to "
                + "border.reports.raw.acled. The broker is the one the launcher using --data runs, unless "
                + "--bootstrap names one. Exit code 0 when the broker acknowledged every record.")
public final class ProduceCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "Topic to send to.")
    String topic;

    @Option(names = "--input", paramLabel = "FILE", defaultValue = "-",
            description = "Lines to send; '-' reads standard input (default: ${DEFAULT-VALUE}).")
    String input;

    @Option(names = "--key", paramLabel = "KEY",
            description = "Record key for every line (default: none; ingest reads the value only).")
    String key;

    @Option(names = "--skip-header", description = "Do not send the first line (e.g. a CSV header).")
    boolean skipHeader;

    @Option(names = "--header-per-record", description = "Send the first line (a CSV header) with every other line: "
            + "each record is the header and one row, so ACLED rows in any column order or subset stay readable.")
    boolean headerPerRecord;

    @Mixin
    BrokerOptions broker = new BrokerOptions();

    /** The client's SASL and TLS settings from {@code --kafka-sasl-scram} and {@code --kafka-tls}, none without. */
    private Map<String, String> security = Map.of();

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long to wait for the broker "
            + "(default: ${DEFAULT-VALUE}).")
    int timeoutSeconds = 30;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            security = broker.clientSecurity();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCodes.USAGE;
        }
        Optional<String> servers = broker.resolve(err);
        if (servers.isEmpty()) {
            return ExitCodes.FAILURE;
        }
        if (skipHeader && headerPerRecord) {
            err.println("--skip-header and --header-per-record exclude each other.");
            return ExitCodes.USAGE;
        }
        List<String> lines;
        try {
            lines = readLines();
        } catch (NoSuchFileException e) {
            err.println("No such file: " + input);
            return ExitCodes.FAILURE;
        } catch (IOException e) {
            err.println("Cannot read " + input + ": " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config(servers.get()))) {
            for (String line : lines) {
                sent.add(producer.send(new ProducerRecord<>(topic, keyBytes, line.getBytes(StandardCharsets.UTF_8))));
            }
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                f.get(timeoutSeconds, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            err.println("The broker at " + servers.get() + " refused a record for " + topic + ": "
                    + e.getCause().getMessage());
            return ExitCodes.FAILURE;
        } catch (TimeoutException | org.apache.kafka.common.errors.TimeoutException e) {
            err.println("The broker at " + servers.get() + " did not answer within " + timeoutSeconds + " s.");
            return ExitCodes.FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILURE;
        } catch (org.apache.kafka.common.KafkaException e) {
            err.println("Cannot send to " + topic + " at " + servers.get() + ": " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        out.println("Sent " + lines.size() + " record(s) to " + topic + " at " + servers.get() + ".");
        out.flush();
        return ExitCodes.OK;
    }

    private List<String> readLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = "-".equals(input) ? System.in : Files.newInputStream(Path.of(input));
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean first = true;
            String header = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (first && (skipHeader || headerPerRecord)) {
                    first = false;
                    header = line;
                    continue;
                }
                first = false;
                if (!line.isBlank()) {
                    lines.add(headerPerRecord ? header + "\n" + line : line);
                }
            }
        }
        return lines;
    }

    private Properties config(String servers) {
        Properties p = new Properties();
        p.putAll(security);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(TimeUnit.SECONDS.toMillis(timeoutSeconds)));
        long timeout = TimeUnit.SECONDS.toMillis(Math.max(1, timeoutSeconds));
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(timeout, 30_000)));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(timeout));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }
}
