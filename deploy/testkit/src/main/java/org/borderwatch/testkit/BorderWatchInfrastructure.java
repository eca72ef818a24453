package org.borderwatch.testkit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an integration test that needs the shared Kafka broker and MongoDB-wire store. The broker and store are
 * started before the class runs (once per JVM) and can be injected as a {@link Infrastructure} parameter. Spring tests
 * add a {@code @DynamicPropertySource} calling {@link TestInfrastructure#registerSpringProperties}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(InfrastructureExtension.class)
public @interface BorderWatchInfrastructure {

    /** Start the broker before the class (default true). */
    boolean kafka() default true;

    /** Start the store before the class (default true). */
    boolean mongo() default true;
}
