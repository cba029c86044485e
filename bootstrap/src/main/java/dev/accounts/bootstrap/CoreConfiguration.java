package dev.accounts.bootstrap;

import dev.accounts.adapter.out.crypto.Argon2Parameters;
import dev.accounts.adapter.out.crypto.Argon2idPasswordHasher;
import dev.accounts.application.port.in.CheckReadinessUseCase;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.out.MailOutbox;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.StoreHealth;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.application.service.ReadinessService;
import dev.accounts.application.service.RegisterUserService;
import dev.accounts.domain.user.CommonPasswords;
import dev.accounts.domain.user.PasswordPolicy;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases, built by hand from their ports: the core never sees Spring. */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PasswordPolicy passwordPolicy(AccountsSettings settings) {
        return new PasswordPolicy(settings.passwords().minLength(), settings.passwords().maxLength(),
                CommonPasswords.bundled(), "Accounts");
    }

    @Bean
    PasswordHasher passwordHasher(AccountsSettings settings) {
        return new Argon2idPasswordHasher(Argon2Parameters.OWASP, settings.maxConcurrentHashes());
    }

    @Bean
    RegisterUserUseCase registerUser(UserRepository users, MailOutbox useCaseMailOutbox, PasswordHasher hasher,
                                     PasswordPolicy policy, Transactions transactions, Clock clock) {
        return new RegisterUserService(users, useCaseMailOutbox, hasher, policy, transactions, clock);
    }

    @Bean
    CheckReadinessUseCase checkReadiness(StoreHealth storeHealth) {
        return new ReadinessService(storeHealth);
    }
}
