package dev.accounts.bootstrap;

import dev.accounts.adapter.out.crypto.Argon2Parameters;
import dev.accounts.adapter.out.crypto.Argon2idPasswordHasher;
import dev.accounts.adapter.out.crypto.NativeArgon2UnavailableException;
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
import dev.accounts.application.port.in.admin.DeactivateUserUseCase;
import dev.accounts.application.port.in.admin.GetUserUseCase;
import dev.accounts.application.port.in.admin.ListDeadMailUseCase;
import dev.accounts.application.port.in.admin.ListUsersUseCase;
import dev.accounts.application.port.in.admin.ReactivateUserUseCase;
import dev.accounts.application.port.in.admin.RequeueMailUseCase;
import dev.accounts.application.port.out.AuditTrail;
import dev.accounts.application.port.out.DeadLetters;
import dev.accounts.application.port.out.EmailTokenStore;
import dev.accounts.application.port.out.LoginThrottle;
import dev.accounts.application.port.out.MailOutbox;
import dev.accounts.application.port.out.PasswordHasher;
import dev.accounts.application.port.out.ProfileRepository;
import dev.accounts.application.port.out.RecentMail;
import dev.accounts.application.port.out.SessionStore;
import dev.accounts.application.port.out.StoreHealth;
import dev.accounts.application.port.out.Transactions;
import dev.accounts.application.port.out.UserDirectory;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.application.service.AuthenticateService;
import dev.accounts.application.service.ChangePasswordService;
import dev.accounts.application.service.CreateSuperuserService;
import dev.accounts.application.service.DeactivateUserService;
import dev.accounts.application.service.GetAccountService;
import dev.accounts.application.service.GetUserService;
import dev.accounts.application.service.LifecyclePolicy;
import dev.accounts.application.service.ListDeadMailService;
import dev.accounts.application.service.ListUsersService;
import dev.accounts.application.service.LogInService;
import dev.accounts.application.service.LogOutService;
import dev.accounts.application.service.LoginThrottlePolicy;
import dev.accounts.application.service.PrivateRegistrationService;
import dev.accounts.application.service.ReactivateUserService;
import dev.accounts.application.service.ReadinessService;
import dev.accounts.application.service.RegisterUserService;
import dev.accounts.application.service.RequestPasswordResetService;
import dev.accounts.application.service.RequeueMailService;
import dev.accounts.application.service.ResendVerificationService;
import dev.accounts.application.service.ResetPasswordService;
import dev.accounts.application.service.TakenNameCheck;
import dev.accounts.application.service.UpdateAccountService;
import dev.accounts.application.service.UpdateProfileService;
import dev.accounts.application.service.VerifyEmailService;
import dev.accounts.domain.user.CommonPasswords;
import dev.accounts.domain.user.PasswordPolicy;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The use cases, each built by hand from its ports: the core never sees Spring. {@code MailOutbox} here is the
 * outbox as use cases see it (it wakes the worker after commit, see {@link MailConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CoreConfiguration.class);

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
        try {
            Argon2idPasswordHasher hasher = Argon2idPasswordHasher.using(settings.hasher(), Argon2Parameters.OWASP,
                    settings.maxConcurrentHashes());
            LOG.info("Password hashing: {}", hasher.describe());
            return hasher;
        } catch (NativeArgon2UnavailableException e) {
            throw new ConfigurationException("ACCOUNTS_HASHER=native, but " + e.getMessage()
                    + " (use auto to fall back to the Java implementation)");
        }
    }

    @Bean
    RegisterUserUseCase registerUser(UserRepository users, EmailTokenStore tokens, MailOutbox outbox,
                                     PasswordHasher hasher, PasswordPolicy policy, LifecyclePolicy lifecycle, AuditTrail audit, Transactions transactions, Clock clock) {
        // A 409 names the taken field anyway, so answering it before the hash reveals nothing more and saves a hash.
        return new RegisterUserService(users, tokens, outbox, hasher, policy, lifecycle, audit, transactions,
                clock, TakenNameCheck.BEFORE_HASHING);
    }

    @Bean
    LogInUseCase logIn(UserRepository users, SessionStore sessions, PasswordHasher hasher, LifecyclePolicy lifecycle,
                       LoginThrottle throttle, LoginThrottlePolicy throttlePolicy, AuditTrail audit,
                       Transactions transactions, Clock clock) {
        return new LogInService(users, sessions, hasher, lifecycle, throttle, throttlePolicy, audit, transactions, clock);
    }

    @Bean
    AuthenticateUseCase authenticate(SessionStore sessions, LifecyclePolicy lifecycle, Clock clock) {
        return new AuthenticateService(sessions, lifecycle, clock);
    }

    @Bean
    LogOutUseCase logOut(SessionStore sessions, AuditTrail audit, Transactions transactions, Clock clock) {
        return new LogOutService(sessions, audit, transactions, clock);
    }

    @Bean
    GetAccountUseCase getAccount() {
        return new GetAccountService();
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
    RegisterUserPrivatelyUseCase registerUserPrivately(UserRepository users, EmailTokenStore tokens,
                                                       MailOutbox outbox, PasswordHasher hasher,
                                                       PasswordPolicy policy, RecentMail recentMail,
                                                       LifecyclePolicy lifecycle, AuditTrail audit,
                                                       Transactions transactions, Clock clock) {
        // Its own registration, finding taken names at insert only: every answer then costs one hash, so the time
        // taken cannot tell what the uniform answer hides.
        RegisterUserService registerUser = new RegisterUserService(users, tokens, outbox, hasher, policy,
                lifecycle, audit, transactions, clock, TakenNameCheck.AT_INSERT);
        return new PrivateRegistrationService(registerUser, outbox, recentMail, lifecycle, transactions, clock);
    }

    @Bean
    CreateSuperuserUseCase createSuperuser(UserRepository users, PasswordHasher hasher, PasswordPolicy policy,
                                           AuditTrail audit, Transactions transactions, Clock clock) {
        return new CreateSuperuserService(users, hasher, policy, audit, transactions, clock);
    }

    // The admin API: each use case checks that its caller is an active superuser and audits itself.

    @Bean
    ListUsersUseCase listUsers(UserRepository users, UserDirectory directory, AuditTrail audit, Transactions transactions,
                               Clock clock) {
        return new ListUsersService(users, directory, audit, transactions, clock);
    }

    @Bean
    GetUserUseCase getUser(UserRepository users, AuditTrail audit, Transactions transactions, Clock clock) {
        return new GetUserService(users, audit, transactions, clock);
    }

    @Bean
    DeactivateUserUseCase deactivateUser(UserRepository users, SessionStore sessions, AuditTrail audit,
                                         Transactions transactions, Clock clock) {
        return new DeactivateUserService(users, sessions, audit, transactions, clock);
    }

    @Bean
    ReactivateUserUseCase reactivateUser(UserRepository users, AuditTrail audit, Transactions transactions, Clock clock) {
        return new ReactivateUserService(users, audit, transactions, clock);
    }

    @Bean
    ListDeadMailUseCase listDeadMail(UserRepository users, DeadLetters deadLetters, AuditTrail audit,
                                     Transactions transactions, Clock clock) {
        return new ListDeadMailService(users, deadLetters, audit, transactions, clock);
    }

    @Bean
    RequeueMailUseCase requeueMail(UserRepository users, DeadLetters deadLetters, AuditTrail audit,
                                   Transactions transactions, Clock clock) {
        return new RequeueMailService(users, deadLetters, audit, transactions, clock);
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
