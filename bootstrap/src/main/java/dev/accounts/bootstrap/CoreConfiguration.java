package dev.accounts.bootstrap;

import dev.accounts.adapter.out.crypto.Argon2Parameters;
import dev.accounts.adapter.out.crypto.Argon2idPasswordHasher;
import dev.accounts.application.port.in.AuthenticateUseCase;
import dev.accounts.application.port.in.ChangePasswordUseCase;
import dev.accounts.application.port.in.CheckReadinessUseCase;
import dev.accounts.application.port.in.CreateSuperuserUseCase;
import dev.accounts.application.port.in.GetAccountUseCase;
import dev.accounts.application.port.in.LogInUseCase;
import dev.accounts.application.port.in.LogOutUseCase;
import dev.accounts.application.port.in.RegisterUserPrivatelyUseCase;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.in.RequestPasswordResetUseCase;
import dev.accounts.application.port.in.ResendVerificationUseCase;
import dev.accounts.application.port.in.ResetPasswordUseCase;
import dev.accounts.application.port.in.UpdateAccountUseCase;
import dev.accounts.application.port.in.UpdateProfileUseCase;
import dev.accounts.application.port.in.VerifyEmailUseCase;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.EmailTokenStore;
import dev.accounts.application.port.out.LoginThrottle;
import dev.accounts.application.port.out.MailOutbox;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.ProfileRepository;
import dev.accounts.application.port.out.RecentMail;
import dev.accounts.application.port.out.SessionStore;
import dev.accounts.application.port.out.StoreHealth;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.application.service.AuthenticateService;
import dev.accounts.application.service.ChangePasswordService;
import dev.accounts.application.service.CreateSuperuserService;
import dev.accounts.application.service.GetAccountService;
import dev.accounts.application.service.LifecyclePolicy;
import dev.accounts.application.service.LogInService;
import dev.accounts.application.service.LoginThrottlePolicy;
import dev.accounts.application.service.LogOutService;
import dev.accounts.application.service.PrivateRegistrationService;
import dev.accounts.application.service.ReadinessService;
import dev.accounts.application.service.RegisterUserService;
import dev.accounts.application.service.RequestPasswordResetService;
import dev.accounts.application.service.ResendVerificationService;
import dev.accounts.application.service.ResetPasswordService;
import dev.accounts.application.service.UpdateAccountService;
import dev.accounts.application.service.UpdateProfileService;
import dev.accounts.application.service.VerifyEmailService;
import dev.accounts.domain.user.CommonPasswords;
import dev.accounts.domain.user.PasswordPolicy;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The use cases, each built by hand from its ports: the core never sees Spring. {@code MailOutbox} here is the
 * outbox as use cases see it (it wakes the worker after commit, see {@link MailConfiguration}).
 */
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
    LifecyclePolicy lifecyclePolicy(AccountsSettings settings) {
        return settings.lifecycle();
    }

    @Bean
    PasswordHasher passwordHasher(AccountsSettings settings) {
        return new Argon2idPasswordHasher(Argon2Parameters.OWASP, settings.maxConcurrentHashes());
    }

    @Bean
    RegisterUserUseCase registerUser(UserRepository users, ProfileRepository profiles, EmailTokenStore tokens,
                                     MailOutbox outbox, PasswordHasher hasher, PasswordPolicy policy,
                                     LifecyclePolicy lifecycle, AuditTrail audit, Transactions transactions, Clock clock) {
        return new RegisterUserService(users, profiles, tokens, outbox, hasher, policy, lifecycle, audit, transactions, clock);
    }

    @Bean
    LogInUseCase logIn(UserRepository users, SessionStore sessions, PasswordHasher hasher, LifecyclePolicy lifecycle,
                       LoginThrottle throttle, LoginThrottlePolicy throttlePolicy, AuditTrail audit,
                       Transactions transactions, Clock clock) {
        return new LogInService(users, sessions, hasher, lifecycle, throttle, throttlePolicy, audit, transactions, clock);
    }

    @Bean
    AuthenticateUseCase authenticate(SessionStore sessions, UserRepository users, LifecyclePolicy lifecycle, Clock clock) {
        return new AuthenticateService(sessions, users, lifecycle, clock);
    }

    @Bean
    LogOutUseCase logOut(SessionStore sessions, AuditTrail audit, Transactions transactions, Clock clock) {
        return new LogOutService(sessions, audit, transactions, clock);
    }

    @Bean
    GetAccountUseCase getAccount(UserRepository users, ProfileRepository profiles) {
        return new GetAccountService(users, profiles);
    }

    @Bean
    UpdateAccountUseCase updateAccount(UserRepository users, ProfileRepository profiles, EmailTokenStore tokens,
                                       MailOutbox outbox, PasswordHasher hasher, LifecyclePolicy lifecycle,
                                       LoginThrottle throttle, LoginThrottlePolicy throttlePolicy, AuditTrail audit,
                                       Transactions transactions, Clock clock) {
        return new UpdateAccountService(users, profiles, tokens, outbox, hasher, lifecycle, throttle, throttlePolicy,
                audit, transactions, clock);
    }

    @Bean
    UpdateProfileUseCase updateProfile(UserRepository users, ProfileRepository profiles, Transactions transactions) {
        return new UpdateProfileService(users, profiles, transactions);
    }

    @Bean
    ChangePasswordUseCase changePassword(UserRepository users, SessionStore sessions, EmailTokenStore tokens,
                                         MailOutbox outbox, PasswordHasher hasher, PasswordPolicy policy,
                                         LoginThrottle throttle, LoginThrottlePolicy throttlePolicy, AuditTrail audit,
                                         Transactions transactions, Clock clock) {
        return new ChangePasswordService(users, sessions, tokens, outbox, hasher, policy, throttle, throttlePolicy,
                audit, transactions, clock);
    }

    @Bean
    VerifyEmailUseCase verifyEmail(UserRepository users, ProfileRepository profiles, EmailTokenStore tokens,
                                   AuditTrail audit, Transactions transactions, Clock clock) {
        return new VerifyEmailService(users, profiles, tokens, audit, transactions, clock);
    }

    @Bean
    ResendVerificationUseCase resendVerification(UserRepository users, EmailTokenStore tokens, MailOutbox outbox,
                                                 RecentMail recentMail, LifecyclePolicy lifecycle,
                                                 Transactions transactions, Clock clock) {
        return new ResendVerificationService(users, tokens, outbox, recentMail, lifecycle, transactions, clock);
    }

    @Bean
    RequestPasswordResetUseCase requestPasswordReset(UserRepository users, EmailTokenStore tokens, MailOutbox outbox,
                                                     RecentMail recentMail, LifecyclePolicy lifecycle, AuditTrail audit,
                                                     Transactions transactions, Clock clock) {
        return new RequestPasswordResetService(users, tokens, outbox, recentMail, lifecycle, audit, transactions, clock);
    }

    @Bean
    ResetPasswordUseCase resetPassword(UserRepository users, SessionStore sessions, EmailTokenStore tokens,
                                       MailOutbox outbox, PasswordHasher hasher, PasswordPolicy policy,
                                       LoginThrottle throttle, AuditTrail audit, Transactions transactions, Clock clock) {
        return new ResetPasswordService(users, sessions, tokens, outbox, hasher, policy, throttle, audit, transactions,
                clock);
    }

    /** Used instead of plain registration when registration privacy is on (the web layer picks). */
    @Bean
    RegisterUserPrivatelyUseCase registerUserPrivately(RegisterUserUseCase registerUser, MailOutbox outbox,
                                                       RecentMail recentMail, LifecyclePolicy lifecycle,
                                                       Transactions transactions, Clock clock) {
        return new PrivateRegistrationService(registerUser, outbox, recentMail, lifecycle, transactions, clock);
    }

    @Bean
    CreateSuperuserUseCase createSuperuser(UserRepository users, ProfileRepository profiles, PasswordHasher hasher,
                                           PasswordPolicy policy, AuditTrail audit, Transactions transactions, Clock clock) {
        return new CreateSuperuserService(users, profiles, hasher, policy, audit, transactions, clock);
    }

    @Bean
    LoginThrottlePolicy loginThrottlePolicy(AccountsSettings settings) {
        return settings.security().loginThrottle();
    }

    @Bean
    CheckReadinessUseCase checkReadiness(StoreHealth storeHealth) {
        return new ReadinessService(storeHealth);
    }
}
