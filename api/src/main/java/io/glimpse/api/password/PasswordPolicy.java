package io.glimpse.api.password;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import io.glimpse.command.user.AccountRules;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which new passwords are accepted, after NIST SP 800-63B: any characters (spaces too) and no
 * composition rules, a length of 8 to 128 characters (the contract's), and refused when the password
 * <ul>
 * <li>is on the blocklist of the 30,000 most common passwords from leaked password sets (zxcvbn's
 * list, shipped in the zxcvbn4j jar), also with digits and symbols added before or after
 * ({@code Password1!});</li>
 * <li>contains the username or the email address's name;</li>
 * <li>is easy to guess by zxcvbn's estimate (dictionary words, names, keyboard patterns, repeats,
 * sequences, dates, l33t substitutions) below {@code glimpse.passwords.min-strength}.</li>
 * </ul>
 * Each refusal says why in words a user can act on.
 */
@Component
public class PasswordPolicy {

    /** zxcvbn's dictionary of common passwords, most common first: our blocklist. */
    static final String BLOCKLIST = "com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";
    /** zxcvbn's time grows with length; a password whose start is strong is strong. */
    private static final int MEASURED_LENGTH = 64;
    /** Words of this service that a guesser tries first. */
    private static final List<String> SERVICE_WORDS = List.of("glimpse");

    private final Zxcvbn zxcvbn = new Zxcvbn();
    private final Set<String> blocklist = load(BLOCKLIST);
    private final int minStrength;

    public PasswordPolicy(PasswordProperties properties) {
        this.minStrength = properties.minStrength();
    }

    /** Why {@code password} may not be used by this account, or empty when it may. */
    public Optional<String> weakness(String password, String username, String email) {
        if (password == null || password.length() < AccountRules.PASSWORD_MIN
                || password.length() > AccountRules.PASSWORD_MAX) {
            return Optional.of("must be " + AccountRules.PASSWORD_MIN + "-" + AccountRules.PASSWORD_MAX + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (blocklist.contains(lower) || blocklist.contains(core(lower))) {
            return Optional.of("is one of the most common passwords, which attackers try first; choose another");
        }
        String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
        if (name.length() >= 3 && lower.contains(name)) {
            return Optional.of("must not contain your username");
        }
        String mailbox = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@", 2)[0];
        if (mailbox.length() >= 3 && lower.contains(mailbox)) {
            return Optional.of("must not contain your email address");
        }
        List<String> userWords = new ArrayList<>(SERVICE_WORDS);
        userWords.add(name);
        userWords.add(mailbox);
        Strength strength = zxcvbn.measure(password.substring(0, Math.min(password.length(), MEASURED_LENGTH)), userWords);
        if (strength.getScore() < minStrength) {
            return Optional.of(tooEasy(strength.getFeedback()));
        }
        return Optional.empty();
    }

    private static String tooEasy(Feedback feedback) {
        String warning = feedback.getWarning(Locale.ENGLISH);
        return "is too easy to guess" + (warning == null || warning.isBlank() ? "" : " (" + warning.strip() + ")")
                + ": a few uncommon words together make a strong password";
    }

    /** The password without the digits and symbols people add to a common one to pass rules. */
    private static String core(String password) {
        return password.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
    }

    private static Set<String> load(String resource) {
        InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("The password blocklist " + resource + " is missing from the classpath");
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return lines.lines().map(String::strip).filter(line -> !line.isEmpty())
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
