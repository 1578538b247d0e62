package io.glimpse.api.auth;

import io.glimpse.api.password.PasswordPolicy;
import io.glimpse.command.user.AccountRules;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A registration whose password the {@link PasswordPolicy} accepts for its username and email;
 * a refusal is reported on the {@code password} field, beside the other fields' errors.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AcceptablePassword.Check.class)
@interface AcceptablePassword {

    String message() default "is not acceptable";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Made by Spring's validator factory, with the policy injected. */
    class Check implements ConstraintValidator<AcceptablePassword, AuthRequests.Register> {

        private final PasswordPolicy policy;

        Check(PasswordPolicy policy) {
            this.policy = policy;
        }

        @Override
        public boolean isValid(AuthRequests.Register registration, ConstraintValidatorContext context) {
            String password = registration.password();
            if (password == null || password.length() < AccountRules.PASSWORD_MIN
                    || password.length() > AccountRules.PASSWORD_MAX) {
                return true; // @NotNull and @Size say so
            }
            return policy.weakness(password, registration.username(), registration.email())
                    .map(weakness -> {
                        context.disableDefaultConstraintViolation();
                        // The message is ours, not a template: braces and dollars stay literal.
                        context.buildConstraintViolationWithTemplate(weakness.replaceAll("([{}$\\\\])", "\\\\$1"))
                                .addPropertyNode("password").addConstraintViolation();
                        return false;
                    })
                    .orElse(true);
        }
    }
}
