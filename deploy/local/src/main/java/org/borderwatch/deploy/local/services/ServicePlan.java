package org.borderwatch.deploy.local.services;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One catalogue service with the port it will get and its jar, if it has been built. */
public record ServicePlan(ServiceSpec spec, int port, Optional<Path> jar) {

    /**
     * @param portOverrides service name to port, from the command line; names must be in {@code catalogue}
     * @throws IllegalArgumentException for an unknown service name
     */
    public static List<ServicePlan> of(List<ServiceSpec> catalogue, Map<String, Integer> portOverrides, Path projectDir) {
        portOverrides.keySet().forEach(name -> {
            if (catalogue.stream().noneMatch(s -> s.name().equals(name))) {
                throw new IllegalArgumentException("Unknown service '" + name + "' in --service-port; known: "
                        + catalogue.stream().map(ServiceSpec::name).toList());
            }
        });
        return catalogue.stream()
                .map(s -> new ServicePlan(s, portOverrides.getOrDefault(s.name(), s.defaultPort()), s.findJar(projectDir)))
                .toList();
    }

    public String name() {
        return spec.name();
    }
}
