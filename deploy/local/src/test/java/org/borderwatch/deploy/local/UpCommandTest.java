package org.borderwatch.deploy.local;

import org.borderwatch.deploy.local.ports.PortRequest;
import org.borderwatch.deploy.local.services.ServicePlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UpCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine launcher() {
        CommandLine cli = Launcher.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli;
    }

    private UpCommand parse(String... args) {
        CommandLine cli = launcher();
        CommandLine.ParseResult result = cli.parseArgs(args);
        return (UpCommand) result.subcommand().commandSpec().userObject();
    }

    @Test
    void aServiceRunsFromACopyThatARebuildOfTheCheckoutDoesNotTouch() throws IOException {
        Path built = Files.writeString(tmp.resolve("alert-service-0.1.0.jar"), "first build");
        Path runFrom = new DataLayout(tmp.resolve("data")).serviceJar("alert-service");

        assertThat(UpCommand.snapshot(built, runFrom)).isEqualTo(runFrom);
        Files.writeString(built, "a rebuild while the service runs");

        assertThat(runFrom).hasContent("first build");
        assertThat(runFrom.resolveSibling("alert-service.jar.partial")).doesNotExist();
        UpCommand.snapshot(built, runFrom); // the next start takes the new build
        assertThat(runFrom).hasContent("a rebuild while the service runs");
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        LocalInfrastructure.Settings settings = parse("up").infrastructureSettings();
        assertThat(settings.dataDir()).isEqualTo(Path.of("data"));
        assertThat(settings.host()).isEqualTo("localhost");
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.controllerPort()).isEqualTo(9093);
        assertThat(settings.mongoPort()).isEqualTo(27017);
        assertThat(settings.partitions()).isEqualTo(6);
        assertThat(settings.kafkaHeap()).isEqualTo("512m");
        assertThat(settings.database()).isEqualTo("borderwatch");
        assertThat(settings.kafkaLibs()).isNull();
        assertThat(settings.startTimeout()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void optionsReachTheSettings() {
        UpCommand up = parse("up", "--data", "/srv/bw", "--kafka-port", "19092", "--controller-port", "19093",
                "--mongo-port", "27018", "--partitions", "3", "--kafka-heap", "256m", "--database", "bw",
                "--start-timeout", "30", "--kafka-libs", "/opt/kafka-libs");
        LocalInfrastructure.Settings settings = up.infrastructureSettings();
        assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/bw"));
        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.controllerPort()).isEqualTo(19093);
        assertThat(settings.mongoPort()).isEqualTo(27018);
        assertThat(settings.partitions()).isEqualTo(3);
        assertThat(settings.kafkaHeap()).isEqualTo("256m");
        assertThat(settings.database()).isEqualTo("bw");
        assertThat(settings.kafkaLibs()).isEqualTo(Path.of("/opt/kafka-libs"));
        assertThat(settings.startTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.portRequests()).extracting(PortRequest::port).containsExactly(19092, 19093, 27018);
    }

    @Test
    void servicePortsAndTheProjectDirectoryAreOptions() throws IOException {
        Path jar = Files.createDirectories(tmp.resolve("alert-service/target")).resolve("alert-service-0.1.0.jar");
        Files.writeString(jar, "not really a jar");
        UpCommand up = parse("up", "--with-services", "--project-dir", tmp.toString(),
                "--service-port", "alert-service=9183", "--service-port", "ingest-service=9181");
        assertThat(up.withServices).isTrue();
        assertThat(up.projectDirectory()).isEqualTo(tmp);
        List<ServicePlan> plans = ServicePlan.of(org.borderwatch.deploy.local.services.ServiceCatalog.ALL,
                up.servicePorts, up.projectDirectory());
        assertThat(plans).extracting(ServicePlan::name, ServicePlan::port)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ingest-service", 9181),
                        org.assertj.core.groups.Tuple.tuple("classifier-service", 8082),
                        org.assertj.core.groups.Tuple.tuple("alert-service", 9183));
        // only services that have a jar need a free port
        assertThat(UpCommand.portRequests(up.infrastructureSettings(), plans)).extracting(PortRequest::port)
                .containsExactly(9092, 9093, 27017, 9183);
    }

    @Test
    void aPortInUseEndsWithOneClearLineAndItsOwnExitCode() throws IOException {
        Path data = tmp.resolve("data");
        int[] free = twoFreePorts();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            int code = launcher().execute("up", "--data", data.toString(), "--mongo-port", Integer.toString(port),
                    "--kafka-port", Integer.toString(free[0]), "--controller-port", Integer.toString(free[1]));
            assertThat(code).isEqualTo(ExitCodes.PORT_IN_USE);
            assertThat(err.toString().strip())
                    .isEqualTo("Port " + port + " on localhost (the MongoDB-wire store) is already in use — is "
                            + "BorderWatch already running? Stop the other program or choose another port with "
                            + "--mongo-port.")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(data).doesNotExist(); // nothing was started
        }
    }

    @Test
    void aSecondLauncherOnTheSameDataIsToldSoBeforeThePortCheckBlamesTheFirstOnesPorts() throws IOException {
        Path data = tmp.resolve("shared-data");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             DataDirLock held = DataDirLock.acquire(new DataLayout(data))) {
            int code = launcher().execute("up", "--data", data.toString(), "--mongo-port",
                    Integer.toString(taken.getLocalPort()));
            assertThat(code).isEqualTo(ExitCodes.DATA_DIR_IN_USE);
            assertThat(err.toString()).contains("is in use by another launcher").doesNotContain("already in use");
            assertThat(out.toString()).doesNotContain("Starting");
        }
    }

    @Test
    void twoOptionsNamingTheSamePortAreAUsageError() {
        int code = launcher().execute("up", "--data", tmp.toString(), "--kafka-port", "29999", "--mongo-port", "29999");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Port 29999 is given to both Kafka (--kafka-port) and the MongoDB-wire "
                + "store (--mongo-port).");
    }

    @Test
    void aNegativeNumberOfRestartsIsAUsageError() {
        int code = launcher().execute("up", "--data", tmp.toString(), "--max-restarts", "-1");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--max-restarts must be 0 or more");
        assertThat(parse("up").maxRestarts).as("the documented default").isEqualTo(3);
        assertThat(parse("up", "--max-restarts", "0").maxRestarts).isZero();
    }

    @Test
    void anUnknownServiceNameIsAUsageError() {
        int code = launcher().execute("up", "--data", tmp.toString(), "--with-services", "--project-dir",
                tmp.toString(), "--service-port", "billing-service=9000");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unknown service 'billing-service'").contains("alert-service");
    }

    @Test
    void aServicePortWithoutServicesIsAUsageErrorNotSilentlyIgnored() {
        int code = launcher().execute("up", "--data", tmp.toString(), "--service-port", "ingest=9000");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--service-port only applies with --with-services");
        assertThat(out.toString()).doesNotContain("Starting");
    }

    @Test
    void kafkaSaslScramReachesTheSettingsAndAMalformedOneIsAUsageError() {
        assertThat(parse("up").infrastructureSettings().kafkaScram()).isNull();
        LocalInfrastructure.Settings settings = parse("up", "--kafka-sasl-scram", "bw:pw-1").infrastructureSettings();
        assertThat(settings.kafkaScram()).isEqualTo(new org.borderwatch.deploy.local.kafka.ScramCredentials("bw", "pw-1"));

        assertThat(launcher().execute("up", "--data", tmp.toString(), "--kafka-sasl-scram", "just-a-password"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--kafka-sasl-scram", "USER:PASSWORD").doesNotContain("just-a-password");
    }

    @Test
    void kafkaTlsReachesTheSettingsWithOrWithoutScram() {
        assertThat(parse("up").infrastructureSettings().kafkaTls()).isFalse();
        assertThat(parse("up", "--kafka-tls").infrastructureSettings().kafkaTls()).isTrue();
        LocalInfrastructure.Settings both = parse("up", "--kafka-tls", "--kafka-sasl-scram", "bw:pw-1")
                .infrastructureSettings();
        assertThat(both.kafkaTls()).isTrue();
        assertThat(both.kafkaScram()).isNotNull();
    }

    @Test
    void exportLinesQuoteValuesForTheShell() {
        assertThat(UpCommand.shellQuoted("localhost:9092")).isEqualTo("localhost:9092");
        assertThat(UpCommand.shellQuoted("mongodb://localhost:27017/borderwatch"))
                .isEqualTo("mongodb://localhost:27017/borderwatch");
        assertThat(UpCommand.shellQuoted("Module required username=\"bw\";"))
                .isEqualTo("'Module required username=\"bw\";'");
        assertThat(UpCommand.shellQuoted("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void badArgumentsGiveUsageAndCodeTwo() {
        assertThat(launcher().execute("up", "--kafka-port", "nine")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--kafka-port");
        assertThat(launcher().execute("up", "--partitions", "0", "--data", tmp.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--partitions must be at least 1");
    }

    @Test
    void noCommandPrintsTheUsageWithTheUsageCode() {
        assertThat(launcher().execute()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Commands:", "up", "status");
    }

    @Test
    void helpListsTheOptions() {
        assertThat(launcher().execute("up", "--help")).isZero();
        assertThat(out.toString()).contains("--data", "--kafka-port", "--mongo-port", "--partitions",
                "--with-services", "--service-port", "--max-restarts", "--kafka-sasl-scram");
    }

    private static int[] twoFreePorts() throws IOException {
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            return new int[] {a.getLocalPort(), b.getLocalPort()};
        }
    }

    @Test
    void eachServiceGetsItsOwnTempDirectoryUnderTheDataDirectory() {
        DataLayout layout = new DataLayout(tmp.resolve("data"));

        List<String> classifier = UpCommand.serviceJvmOptions(
                List.of("-Xmx256m", "-Djava.io.tmpdir=/tmp"), layout, "classifier-service");
        List<String> alert = UpCommand.serviceJvmOptions(List.of("-Xmx256m"), layout, "alert-service");

        Path classifierTmp = layout.serviceTmpDir("classifier-service");
        assertThat(classifier).containsExactly("-Xmx256m", "-Djava.io.tmpdir=" + classifierTmp);
        assertThat(classifierTmp).isDirectory().startsWith(tmp.resolve("data"));
        assertThat(alert).contains("-Djava.io.tmpdir=" + layout.serviceTmpDir("alert-service"));
    }
}
