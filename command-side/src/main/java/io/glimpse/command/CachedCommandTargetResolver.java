package io.glimpse.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Which aggregate a command is for, as Axon's {@link AnnotationCommandTargetResolver} finds it (the
 * first method, else the first field, annotated {@link TargetAggregateIdentifier}, and likewise
 * {@link TargetAggregateVersion}), with the member found once per command class. Axon's walks the
 * class's methods and fields and their annotations on every command: 5% of a like's request
 * thread in a profile (benchmark/README.md, "Writes"). Being the only bean of its type, Axon's
 * Spring configuration uses it for every aggregate.
 */
@Component
public class CachedCommandTargetResolver implements CommandTargetResolver {

    private final ClassValue<Member> identifiers = annotated(TargetAggregateIdentifier.class);
    private final ClassValue<Member> versions = annotated(TargetAggregateVersion.class);

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object payload = command.getPayload();
        Object identifier;
        Long version;
        try {
            identifier = identifiers.get(command.getPayloadType()).valueOf(payload);
            version = asLong(versions.get(command.getPayloadType()).valueOf(payload));
        } catch (InvocationTargetException | IllegalAccessException e) {
            throw new IllegalArgumentException("An exception occurred while extracting aggregate information from a command", e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value provided for the version is not a number.", e);
        }
        if (identifier == null) {
            throw new IllegalArgumentException(String.format("Invalid command. It does not identify the target aggregate."
                    + " Make sure at least one of the fields or methods in the [%s] class contains the"
                    + " @TargetAggregateIdentifier annotation and that it returns a non-null value.",
                    command.getPayloadType().getSimpleName()));
        }
        return new VersionedAggregateIdentifier(identifier, version);
    }

    private static Long asLong(Object version) {
        if (version == null) {
            return null;
        }
        return version instanceof Number number ? number.longValue() : Long.parseLong(version.toString());
    }

    private static ClassValue<Member> annotated(Class<? extends Annotation> annotation) {
        return new ClassValue<>() {
            @Override
            protected Member computeValue(Class<?> type) {
                for (Method method : ReflectionUtils.methodsOf(type)) {
                    if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                        return ReflectionUtils.ensureAccessible(method)::invoke;
                    }
                }
                for (Field field : ReflectionUtils.fieldsOf(type)) {
                    if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                        return ReflectionUtils.ensureAccessible(field)::get;
                    }
                }
                return payload -> null;
            }
        };
    }

    /** A method or field of the command that holds the value. */
    private interface Member {
        Object valueOf(Object payload) throws InvocationTargetException, IllegalAccessException;
    }
}
