package org.borderwatch.alert.it;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.borderwatch.alert.AlertMetrics;
import org.borderwatch.alert.AlertProperties;
import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.LifecycleRound;
import org.borderwatch.alert.delivery.stream.AlertStreamHub;
import org.borderwatch.alert.secrets.SecretCipher;
import org.borderwatch.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.Map;
import java.util.UUID;

/**
 * A periodic job played through the service's real dispatcher on the testkit's store, but in a database of its own
 * (dropped after the test) with its own clock, meters and settings: the shared context's jobs and other tests'
 * alerts never touch it.
 */
abstract class OwnDatabaseITSupport extends AlertServiceITSupport {

    @Autowired
    MongoClient mongoClient;
    @Autowired
    SecretCipher cipher;
    @Autowired
    AlertStreamHub hub;

    /** The test's own database, once {@link #pipeline} made it. */
    MongoTemplate mongo;

    @AfterEach
    void dropOwnDatabase() {
        if (mongo != null) {
            mongo.getDb().drop();
        }
    }

    /** The pipeline in a new database named after {@code prefix}, with {@code settings} bound under "alert". */
    LifecycleRound.Pipeline pipeline(String prefix, MutableClock clock, MeterRegistry registry,
                                     Map<String, String> settings) {
        return pipeline(prefix, clock, new AlertMetrics(registry), settings);
    }

    /** The same with meters the test holds (one {@link AlertMetrics} per registry: its gauges are registered once). */
    LifecycleRound.Pipeline pipeline(String prefix, MutableClock clock, AlertMetrics metrics,
                                     Map<String, String> settings) {
        mongo = new MongoTemplate(mongoClient, prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        AlertProperties properties = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("alert", AlertProperties.class);
        return LifecycleRound.pipeline(mongo, clock, properties,
                new LifecycleRound.Beans(mongoClient, cipher, hub, metrics, properties));
    }
}
