package org.borderwatch.alert.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import org.borderwatch.alert.AlertProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The MongoDB client gets finite timeouts from {@code alert.store.*}; options written in the URI still win. */
class StoreClientSettingsTest {

    private static StoreClientSettings customizer() {
        AlertProperties.Store store = new AlertProperties.Store(Duration.ofSeconds(4), Duration.ofSeconds(12),
                Duration.ofSeconds(6), Duration.ofSeconds(2), Duration.ofSeconds(10), 100, 500);
        return new StoreClientSettings(
                new AlertProperties(null, null, null, null, null, null, null, null, null, null, null, null, store, null,
                        null, null, null));
    }

    @Test
    void setsConnectReadAndServerSelectionTimeouts() {
        MongoClientSettings.Builder b = MongoClientSettings.builder();
        customizer().customize(b);
        b.applyConnectionString(new ConnectionString("mongodb://localhost:27017/borderwatch"));
        MongoClientSettings s = b.build();
        assertThat(s.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(4000);
        assertThat(s.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(12000);
        assertThat(s.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(6000);
    }

    @Test
    void uriOptionsAppliedAfterwardsWin() {
        MongoClientSettings.Builder b = MongoClientSettings.builder();
        customizer().customize(b);
        b.applyConnectionString(new ConnectionString(
                "mongodb://localhost:27017/borderwatch?socketTimeoutMS=900&serverSelectionTimeoutMS=800"));
        MongoClientSettings s = b.build();
        assertThat(s.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(900);
        assertThat(s.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(800);
        assertThat(s.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(4000);
        assertThat(customizer().getOrder()).as("before Boot's customizer, which applies the URI").isNegative();
    }
}
