package org.borderwatch.deploy.local.services;

import java.util.List;
import java.util.Optional;

/** The services {@code --with-services} starts, in start order. Adding a service is one line here. */
public final class ServiceCatalog {

    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("ingest-service", 8081),
            new ServiceSpec("classifier-service", 8082),
            new ServiceSpec("alert-service", 8083));

    private ServiceCatalog() {
    }

    public static Optional<ServiceSpec> byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
