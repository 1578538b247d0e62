package io.glimpse.api.password;

import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.EmbeddedGlimpse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;

import java.util.Map;

/** Registration refuses weak passwords with a 400 problem naming the password field and the reason. */
@EmbeddedGlimpse
class PasswordPolicyApiTest extends ApiTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "password|is one of the most common passwords",
            "12345678|is one of the most common passwords",
            "'        '|is too easy to guess",
            "USERNAME|must not contain your username",
            "USERNAME!2026|must not contain your username"})
    void aWeakPasswordIsRefused(String password, String reason) {
        String username = unique("weak");
        http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", username, "email", username + "@example.com",
                        "password", password.replace("USERNAME", username)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/validation")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("password")
                .jsonPath("$.errors[0].message").value(String.class,
                        message -> org.assertj.core.api.Assertions.assertThat(message).startsWith(reason));
    }

    @org.junit.jupiter.api.Test
    void aStrongPasswordIsAccepted() {
        register("strong");
    }
}
