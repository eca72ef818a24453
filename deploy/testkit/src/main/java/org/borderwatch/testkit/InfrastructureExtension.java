package org.borderwatch.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** Starts the shared infrastructure a test class asks for, and injects {@link Infrastructure} parameters. */
public final class InfrastructureExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        BorderWatchInfrastructure wanted = AnnotationSupport
                .findAnnotation(context.getRequiredTestClass(), BorderWatchInfrastructure.class)
                .orElse(null);
        if (wanted == null || wanted.kafka()) {
            TestInfrastructure.kafkaBootstrapServers();
        }
        if (wanted == null || wanted.mongo()) {
            TestInfrastructure.mongoUri();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Infrastructure.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return new Infrastructure(TestInfrastructure.mode());
    }
}
