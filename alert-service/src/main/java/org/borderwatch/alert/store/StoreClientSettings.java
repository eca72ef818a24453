package org.borderwatch.alert.store;

import com.mongodb.MongoClientSettings;
import org.borderwatch.alert.AlertProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Finite MongoDB client timeouts by default (the driver's own defaults are 10 s to connect, 30 s to select a server,
 * and NO limit on a socket read, so a hung store held a consumer thread for ever). Applied before Boot's customizer
 * of {@code spring.mongodb.uri}, so options written in the URI ({@code connectTimeoutMS}, {@code socketTimeoutMS},
 * {@code serverSelectionTimeoutMS}) still win.
 */
@Component
public class StoreClientSettings implements MongoClientSettingsBuilderCustomizer, Ordered {

    private final AlertProperties.Store store;

    public StoreClientSettings(AlertProperties properties) {
        this.store = properties.store();
    }

    @Override
    public void customize(MongoClientSettings.Builder builder) {
        builder.applyToSocketSettings(s -> s
                        .connectTimeout(Math.toIntExact(store.connectTimeout().toMillis()), TimeUnit.MILLISECONDS)
                        .readTimeout(Math.toIntExact(store.readTimeout().toMillis()), TimeUnit.MILLISECONDS))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(store.serverSelectionTimeout().toMillis(),
                        TimeUnit.MILLISECONDS));
    }

    /** Before Boot's standard customizer (order 0), which applies the URI. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
