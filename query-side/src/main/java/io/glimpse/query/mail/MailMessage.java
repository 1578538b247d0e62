package io.glimpse.query.mail;

public record MailMessage(String to, String subject, String body) {
}
