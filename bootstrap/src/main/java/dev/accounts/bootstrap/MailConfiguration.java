package dev.accounts.bootstrap;

import dev.accounts.adapter.out.mail.LinkLifetimes;
import dev.accounts.adapter.out.mail.MailOutboxWorker;
import dev.accounts.adapter.out.mail.MimeMailSender;
import dev.accounts.application.port.in.DeliverMailUseCase;
import dev.accounts.application.port.out.MailDeliveryQueue;
import dev.accounts.application.port.out.MailOutbox;
import dev.accounts.application.service.MailDeliveryService;
import dev.accounts.application.service.RetryPolicy;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Mail: the outbox as use cases see it, the SMTP sender, and the background worker that connects them. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean(destroyMethod = "close")
    MimeMailSender mailSender(AccountsSettings settings) {
        var lifecycle = settings.lifecycle();
        return new MimeMailSender(settings.mail(), new LinkLifetimes(lifecycle.verificationTokenLifetime(),
                lifecycle.emailChangeTokenLifetime(), lifecycle.passwordResetTokenLifetime()),
                settings.delivery().sendParallelism());
    }

    /**
     * The threads a delivery round sends on besides the worker's own. Platform threads: Angus Mail blocks on the
     * socket inside synchronized methods, which would pin the carrier of a virtual thread on Java 21. Shut down after
     * the worker, which depends on them through {@link #deliverMail} and waits for its round when it stops.
     */
    @Bean(destroyMethod = "shutdown")
    ExecutorService mailSendThreads(AccountsSettings settings) {
        return Executors.newFixedThreadPool(Math.max(1, settings.delivery().sendParallelism() - 1),
                Thread.ofPlatform().name("mail-sender-", 1).daemon(true).factory());
    }

    @Bean
    DeliverMailUseCase deliverMail(MailDeliveryQueue outbox, MimeMailSender sender,
                                   @Qualifier("mailSendThreads") ExecutorService mailSendThreads,
                                   AccountsSettings settings, Clock clock) {
        AccountsSettings.Delivery delivery = settings.delivery();
        return new MailDeliveryService(outbox, sender,
                new RetryPolicy(delivery.retryBase(), delivery.retryCap(), delivery.maxAttempts()),
                clock, delivery.lease(), delivery.batchSize(), new SecureRandom(), mailSendThreads,
                delivery.sendParallelism());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    MailOutboxWorker mailOutboxWorker(DeliverMailUseCase deliverMail, AccountsSettings settings) {
        return new MailOutboxWorker(deliverMail, settings.delivery().pollInterval(), settings.delivery().gatherWindow());
    }

    /**
     * What use cases enqueue into: the store's outbox (the bean every store configuration names {@code mailOutbox}),
     * nudging the worker once the transaction commits.
     */
    @Bean
    @Primary
    MailOutbox useCaseMailOutbox(@Qualifier("mailOutbox") MailOutbox outbox, MailOutboxWorker worker) {
        return new WakeWorkerAfterCommit(outbox, worker::wakeUp);
    }
}
