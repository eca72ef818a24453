package org.borderwatch.alert.it;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import org.borderwatch.alert.AlertServiceITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running service's MongoDB client (Boot's, built from {@code spring.mongodb.uri}) has the finite timeouts of
 * {@code alert.store.*} — the driver's own defaults would wait for ever in a socket read. Read through public API
 * only: the live client's cluster description, and the settings the client was built from as the last customizer
 * of the shared test configuration saw them.
 */
class StoreClientIT extends AlertServiceITSupport {

    @Autowired
    private MongoClient client;

    @Test
    void theServicesClientHasFiniteTimeouts() {
        // the live client: its cluster settings
        assertThat(client.getClusterDescription().getClusterSettings()
                .getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(3_000);
        // what it was built from, after every customizer (the service's and Boot's URI one) ran
        MongoClientSettings settings = ItStoreClient.built();
        assertThat(settings).as("the service's client was built through the customizers").isNotNull();
        assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(5_000);
        assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(5_000);
        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(3_000);
        assertThat(settings.getClusterSettings().getHosts()).as("and from spring.mongodb.uri")
                .isEqualTo(client.getClusterDescription().getClusterSettings().getHosts());
    }
}
