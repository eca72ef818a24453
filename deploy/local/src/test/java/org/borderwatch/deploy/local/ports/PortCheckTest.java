package org.borderwatch.deploy.local.ports;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortCheckTest {

    private final PortCheck check = new PortCheck("localhost");

    @Test
    void aTakenPortIsReportedWithWhatNeedsItAndTheOptionToChangeIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> check.requireFree(List.of(
                    new PortRequest("Kafka", PortCheck.freePort(), "--kafka-port"),
                    new PortRequest("the MongoDB-wire store", port, "--mongo-port"))))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("Port " + port + " on localhost (the MongoDB-wire store) is already in use — is "
                            + "BorderWatch already running? Stop the other program or choose another port with "
                            + "--mongo-port.")
                    .extracting(e -> ((PortInUseException) e).port()).isEqualTo(port);
        }
    }

    @Test
    void aPortTakenOnEveryInterfaceIsTakenForLocalhostToo() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThat(check.isFree(taken.getLocalPort())).isFalse();
        }
    }

    @Test
    void freePortsPass() {
        int port = PortCheck.freePort();
        assertThat(check.isFree(port)).isTrue();
        assertThatCode(() -> check.requireFree(List.of(new PortRequest("Kafka", port, "--kafka-port"))))
                .doesNotThrowAnyException();
    }

    @Test
    void thesamePortForTwoThingsIsAConfigurationError() {
        assertThatThrownBy(() -> check.requireFree(List.of(new PortRequest("Kafka", 9092, "--kafka-port"),
                new PortRequest("the MongoDB-wire store", 9092, "--mongo-port"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Port 9092 is given to both Kafka (--kafka-port) and the MongoDB-wire store (--mongo-port).");
    }

    @Test
    void portsOutsideTheRangeAreRejected() {
        assertThatThrownBy(() -> new PortRequest("Kafka", 70000, "--kafka-port"))
                .hasMessageContaining("outside 1-65535").hasMessageContaining("--kafka-port");
    }
}
