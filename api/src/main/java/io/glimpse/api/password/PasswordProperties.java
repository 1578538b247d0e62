package io.glimpse.api.password;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param minStrength the lowest zxcvbn score (0-4) a new password may have: 3 means about 10^8
 *                    guesses or more, out of reach of an attacker who has stolen the slow (Argon2)
 *                    hashes, not only of one guessing online
 */
@ConfigurationProperties("glimpse.passwords")
public record PasswordProperties(@DefaultValue("3") int minStrength) {
}
