package io.glimpse.query.mail;

import io.glimpse.events.user.UserEvent.UserRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Greets every new account by mail. Runs in its own event processor, after the registration has
 * committed: a mail server that is down delays the mail (the processor retries with back-off) but
 * never fails or slows the registration. Replays never send mail twice.
 */
@Component
@DisallowReplay
@ProcessingGroup(WelcomeMail.PROCESSING_GROUP)
class WelcomeMail {

    static final String PROCESSING_GROUP = "welcome-mail";

    private final Mailer mailer;

    WelcomeMail(Mailer mailer) {
        this.mailer = mailer;
    }

    @EventHandler
    void on(UserRegistered event) {
        mailer.send(new MailMessage(event.email(), "Welcome to Glimpse, " + event.displayName(), """
                Hi %s,

                your Glimpse account @%s is ready. Share your first photo!

                The Glimpse team""".formatted(event.displayName(), event.username())));
    }
}
