package io.glimpse.api.password;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The password rules of NIST SP 800-63B: a blocklist, no username or email, enough strength; no composition rules. */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(new PasswordProperties(3));

    @ParameterizedTest
    @ValueSource(strings = {"password", "12345678", "qwertyuiop", "iloveyou", "Password1!", "PASSWORD2024",
            "!!sunshine99", "football", "letmein123"})
    void commonPasswordsAndTheirDecoratedFormsAreRefused(String password) {
        assertThat(policy.weakness(password, "someone", "someone@example.com")).hasValueSatisfying(
                weakness -> assertThat(weakness).contains("most common passwords"));
    }

    @ParameterizedTest
    @CsvSource({"alice_walker, alice_walker, alice@example.com, username",
            "my alice_walker pass, alice_walker, alice@example.com, username",
            "Alice_Walker!1, alice_walker, alice@example.com, username",
            "wanderer.jones, wbj, wanderer.jones@example.com, email"})
    void aPasswordContainingTheUsernameOrEmailIsRefused(String password, String username, String email, String which) {
        assertThat(policy.weakness(password, username, email)).hasValueSatisfying(
                weakness -> assertThat(weakness).contains("must not contain your " + which));
    }

    @ParameterizedTest
    @ValueSource(strings = {"        ", "aaaaaaaaaaaa", "abcdefghijk", "1q2w3e4r5t", "qazwsxedc", "glimpse2026",
            "19871987", "nope nope nope"})
    void easyToGuessPasswordsAreRefusedWithAReason(String password) {
        assertThat(policy.weakness(password, "someone", "someone@example.com")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "Tr0ub4dor&3", "sunset over the bay", "vX9#mQ2!pL7z",
            "ein Kaffee für den Mond", "日本語のパスワードです"})
    void strongPasswordsOfAnyShapeAreAccepted(String password) {
        assertThat(policy.weakness(password, "someone", "someone@example.com")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 129})
    void theContractsLengthsStay(int length) {
        assertThat(policy.weakness("x".repeat(length), "someone", "someone@example.com"))
                .hasValue("must be 8-128 characters");
    }
}
