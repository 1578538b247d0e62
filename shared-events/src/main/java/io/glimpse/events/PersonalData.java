package io.glimpse.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event field that holds personal data of the user named by the event's {@code userId}.
 *
 * <p>Events are immutable and kept forever, so personal data in them cannot simply be deleted. The
 * plan (docs/personal-data.md) is crypto-shredding: fields carrying this mark get encrypted with a
 * per-user key when stored, and deleting an account destroys the key. Keeping these fields few and
 * marked is what makes that change small.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {
}
