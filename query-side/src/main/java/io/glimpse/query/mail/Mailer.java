package io.glimpse.query.mail;

/** Sends one email. Throws when it cannot, so that the caller's event processor retries. */
public interface Mailer {

    void send(MailMessage message);
}
