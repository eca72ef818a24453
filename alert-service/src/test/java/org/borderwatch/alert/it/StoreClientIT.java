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
 * {@code alert.store.*} — the driver's own defaults would wait for ever in a socket read.
 */
class StoreClientIT extends AlertServiceITSupport {

    @Autowired
    private MongoClient client;

    @Test
    void theServicesClientHasFiniteTimeouts() {
        // the driver keeps its settings on its implementation class only
        MongoClientSettings settings = ((com.mongodb.client.internal.MongoClientImpl) client).getSettings();
        assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(5_000);
        assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(15_000);
        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(5_000);
    }
}
