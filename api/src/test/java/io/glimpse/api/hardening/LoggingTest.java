package io.glimpse.api.hardening;

import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.EmbeddedGlimpse;
import io.glimpse.command.CommandRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the application writes to its log: nothing secret at startup, and ordinary client errors in
 * one line each, so that 4xx traffic cannot fill a disk. The output is captured from before the
 * application starts (the capture is registered before Spring's extension, and this class has an
 * application of its own).
 */
@ExtendWith(OutputCaptureExtension.class)
@EmbeddedGlimpse
@TestPropertySource(properties = "glimpse.test.application=logging")
class LoggingTest extends ApiTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void noGeneratedUserOrPasswordIsLoggedAtStartup(CapturedOutput output) {
        assertThat(output.getAll()).as("the capture saw the startup").contains("Started ");
        assertThat(output.getAll()).doesNotContain("generated security password")
                .doesNotContainIgnoringCase("password:");
        assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
    }

    @Test
    void aTakenUsernameIsLoggedInOneLineWithoutAStackTrace(CapturedOutput output) {
        Account taken = register("taken");
        http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", taken.username(), "email", unique("other") + "@example.com", "password", PASSWORD))
                .exchange()
                .expectStatus().isEqualTo(409);
        assertOneLine(output, "RegisterUser rejected (CONFLICT)");
    }

    @Test
    void aFollowAcrossABlockIsLoggedInOneLineWithoutAStackTrace(CapturedOutput output) {
        Account blocker = register("blocker");
        Account blocked = register("blocked");
        http.post().uri("/api/users/" + blocked.username() + "/block").headers(blocker.bearer()).exchange()
                .expectStatus().isNoContent();
        http.post().uri("/api/users/" + blocker.username() + "/follow").headers(blocked.bearer()).exchange()
                .expectStatus().isForbidden();
        assertOneLine(output, "rejected (FORBIDDEN)");
    }

    @Test
    void unexpectedFailuresKeepTheirStackTrace(CapturedOutput output) {
        Logger axon = LoggerFactory.getLogger("org.axonframework.modelling.command.AbstractRepository");
        axon.warn("Exception occurred while trying to create an aggregate.", new IllegalStateException("disk on fire"));
        axon.warn("Exception occurred while trying to load/create aggregate with identifier [{}].", "x",
                CommandRejectedException.forbidden("expected refusal"));
        assertThat(output.getAll()).contains("java.lang.IllegalStateException: disk on fire")
                .contains("\tat io.glimpse.api.hardening.LoggingTest")
                .doesNotContain("expected refusal");
    }

    private static void assertOneLine(CapturedOutput output, String text) {
        String[] lines = output.getAll().split("\n");
        assertThat(Arrays.stream(lines).filter(line -> line.contains(text))).as(output.getAll()).hasSize(1);
        assertThat(output.getAll()).doesNotContain("CommandRejectedException")
                .doesNotContain("Exception occurred while trying");
    }
}
