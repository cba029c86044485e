package dev.accounts.bootstrap;

import dev.accounts.adapter.out.mail.LinkLifetimes;
import dev.accounts.adapter.out.mail.MailOutboxWorker;
import dev.accounts.adapter.out.mail.SimpleJavaMailSender;
import dev.accounts.adapter.out.persistence.JooqMailOutbox;
import dev.accounts.application.port.in.DeliverMailUseCase;
import dev.accounts.application.port.out.MailOutbox;
import dev.accounts.application.service.MailDeliveryService;
import dev.accounts.application.service.RetryPolicy;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Mail: the outbox as use cases see it, the SMTP sender, and the background worker that connects them. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean(destroyMethod = "close")
    SimpleJavaMailSender mailSender(AccountsSettings settings) {
        var lifecycle = settings.lifecycle();
        return new SimpleJavaMailSender(settings.mail(), new LinkLifetimes(lifecycle.verificationTokenLifetime(),
                lifecycle.emailChangeTokenLifetime(), lifecycle.passwordResetTokenLifetime()));
    }

    @Bean
    DeliverMailUseCase deliverMail(JooqMailOutbox outbox, SimpleJavaMailSender sender, AccountsSettings settings, Clock clock) {
        AccountsSettings.Delivery delivery = settings.delivery();
        return new MailDeliveryService(outbox, sender,
                new RetryPolicy(delivery.retryBase(), delivery.retryCap(), delivery.maxAttempts()),
                clock, delivery.lease(), delivery.batchSize(), new SecureRandom());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    MailOutboxWorker mailOutboxWorker(DeliverMailUseCase deliverMail, AccountsSettings settings) {
        return new MailOutboxWorker(deliverMail, settings.delivery().pollInterval());
    }

    /** What use cases enqueue into: the stored outbox, nudging the worker once the transaction commits. */
    @Bean
    @Primary
    MailOutbox useCaseMailOutbox(JooqMailOutbox outbox, MailOutboxWorker worker) {
        return new WakeWorkerAfterCommit(outbox, worker::wakeUp);
    }
}
