package io.glimpse.processing.cluster;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean that exists only on nodes that run the projections ({@code glimpse.role} {@code all} or
 * {@code query}): the guards that rebuild lost read models, the dead-letter retries. On a command
 * node they would start processors that must stay stopped there.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnExpression("!'${glimpse.role:all}'.equalsIgnoreCase('command')")
public @interface RunsProjections {
}
