package io.glimpse.command;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A snapshotted aggregate's snapshot is its fields, read back through its no-argument constructor.
 *
 * <p>Without this, Jackson sees no properties (the fields are private and there are no getters), so
 * the snapshot is empty; and it takes a public constructor with arguments, the command handler that
 * creates the aggregate, for the way to read it back, so the next command on a snapshotted
 * aggregate fails. The fields must not be final either: Jackson 3 leaves final fields as the
 * constructor made them (a set stays empty), so the aggregate would forget its state.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE,
        creatorVisibility = Visibility.NONE)
public @interface SnapshotFields {
}
