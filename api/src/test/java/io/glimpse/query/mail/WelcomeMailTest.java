package io.glimpse.query.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.EmbeddedGlimpse;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The welcome mail goes over real SMTP (GreenMail), after the registration, and survives a mail outage. */
@EmbeddedGlimpse
class WelcomeMailTest extends ApiTest {

    private static final int SMTP_PORT = freePort();

    private GreenMail smtp;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @AfterEach
    void stopMailServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aNewAccountIsWelcomedByMail() {
        startMailServer();
        Account account = register("welcome");

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(account.email()) != null);
        MimeMessage mail = mailTo(account.email());
        assertThat(text(mail)).contains("@" + account.username());
    }

    @Test
    void aMailServerOutageDelaysTheMailButNeverFailsTheRegistration() throws Exception {
        Account account = register("patient");

        startMailServer();
        await().atMost(Duration.ofSeconds(90)).until(() -> mailTo(account.email()) != null);
        assertThat(mailTo(account.email()).getSubject()).startsWith("Welcome to Glimpse");
    }

    private void startMailServer() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private MimeMessage mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .findFirst().orElse(null);
    }

    private static String text(MimeMessage mail) {
        try {
            return mail.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
