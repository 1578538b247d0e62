package io.glimpse.adapters.mail;

import io.glimpse.query.mail.MailMessage;
import io.glimpse.query.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded default: no mail server, so the mail goes to the log for a developer to read. */
class LogMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(LogMailer.class);

    @Override
    public void send(MailMessage message) {
        log.info("Mail to {}: {}\n{}", message.to(), message.subject(), message.body());
    }
}
