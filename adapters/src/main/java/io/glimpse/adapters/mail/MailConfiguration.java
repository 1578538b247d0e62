package io.glimpse.adapters.mail;

import io.glimpse.query.mail.Mailer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;

/** SMTP when {@code spring.mail.host} is set, the log otherwise. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    Mailer mailer(Environment environment, ObjectProvider<JavaMailSender> smtp,
                  @Value("${glimpse.mail.from:Glimpse <no-reply@glimpse.local>}") String from) {
        if (environment.containsProperty("spring.mail.host")) {
            return new SmtpMailer(smtp.getObject(), from);
        }
        return new LogMailer();
    }
}
