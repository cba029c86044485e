package dev.accounts.application.service;

import dev.accounts.adapter.out.inmemory.InMemoryAuditTrail;
import dev.accounts.adapter.out.inmemory.InMemoryEmailTokenStore;
import dev.accounts.adapter.out.inmemory.InMemoryLoginThrottle;
import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox;
import dev.accounts.adapter.out.inmemory.InMemoryProfileRepository;
import dev.accounts.adapter.out.inmemory.InMemorySessionStore;
import dev.accounts.adapter.out.inmemory.InMemoryStore;
import dev.accounts.adapter.out.inmemory.InMemoryUserRepository;
import dev.accounts.application.fixtures.AccountServices;
import dev.accounts.application.fixtures.FastPasswordHasher;
import dev.accounts.application.fixtures.MutableClock;
import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.LogInCommand;
import dev.accounts.application.port.in.NewSession;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.PasswordPolicy;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import java.util.List;

/**
 * Every account use case on the in-memory adapter, sharing one {@link MutableClock}, as the composition root wires
 * them on the real adapters. The stores are the adapter's own; the ports the use cases see are watched: the hasher
 * fails a test that hashes inside a transaction, the throttle one that writes to it inside a transaction, the
 * transactions are counted and the audit trail notes what was recorded inside one.
 */
final class InMemoryAccounts {

    private static final String START = "2026-11-21T10:15:30.123456789Z";

    final MutableClock clock = MutableClock.startingAt(START);
    final LifecyclePolicy lifecycle;
    final LoginThrottlePolicy throttlePolicy;
    final PasswordPolicy passwordPolicy = PasswordPolicy.defaults();

    final InMemoryStore store = new InMemoryStore(clock);
    final InMemoryUserRepository users = store.users();
    final InMemoryProfileRepository profiles = store.profiles();
    final InMemorySessionStore sessions = store.sessions();
    final InMemoryEmailTokenStore tokens = store.tokens();
    final InMemoryMailOutbox outbox = store.outbox();
    final InMemoryLoginThrottle throttle = store.throttle();
    final InMemoryAuditTrail audit = store.audit();

    final CountedTransactions transactions = new CountedTransactions(store.transactions());
    final FastPasswordHasher hasher = new FastPasswordHasher(store.transactions()::inProgress);
    final AuditWitness auditWitness = new AuditWitness(audit, store.transactions());
    final ThrottleWrittenOutsideTransactions throttleWrites =
            new ThrottleWrittenOutsideTransactions(throttle, store.transactions());

    final RegisterUserService registerUser;
    final LogInService logIn;
    final AuthenticateService authenticate;
    final LogOutService logOut;
    final GetAccountService getAccount;
    final UpdateAccountService updateAccount;
    final UpdateProfileService updateProfile;
    final ChangePasswordService changePassword;
    final VerifyEmailService verifyEmail;
    final ResendVerificationService resendVerification;
    final RequestPasswordResetService requestPasswordReset;
    final ResetPasswordService resetPassword;
    final CreateSuperuserService createSuperuser;
    final PrivateRegistrationService registerPrivately;

    InMemoryAccounts() {
        this(LifecyclePolicy.DEFAULTS);
    }

    InMemoryAccounts(LifecyclePolicy lifecycle) {
        this(lifecycle, LoginThrottlePolicy.DEFAULTS);
    }

    InMemoryAccounts(LifecyclePolicy lifecycle, LoginThrottlePolicy throttlePolicy) {
        this.lifecycle = lifecycle;
        this.throttlePolicy = throttlePolicy;
        AccountServices services = new AccountServices(new AccountServices.Ports(users, profiles, sessions, tokens, outbox,
                outbox, throttleWrites, auditWitness, transactions,
                hasher, clock), passwordPolicy, lifecycle, throttlePolicy);
        registerUser = services.registerUser;
        logIn = services.logIn;
        authenticate = services.authenticate;
        logOut = services.logOut;
        getAccount = services.getAccount;
        updateAccount = services.updateAccount;
        updateProfile = services.updateProfile;
        changePassword = services.changePassword;
        verifyEmail = services.verifyEmail;
        resendVerification = services.resendVerification;
        requestPasswordReset = services.requestPasswordReset;
        resetPassword = services.resetPassword;
        createSuperuser = services.createSuperuser;
        registerPrivately = services.registerPrivately;
    }

    /** Registers a user with {@link Registrations#GOOD_PASSWORD}, as the API would. */
    User register(String username, String email) {
        UserId id = new UserId(registerUser.register(new RegisterUserCommand(username, email, Registrations.GOOD_PASSWORD)).id());
        return user(id);
    }

    /** Logs in with {@link Registrations#GOOD_PASSWORD} and authenticates with the new token. */
    Authenticated signIn(String login) {
        return signIn(login, null);
    }

    /** Logs in with {@link Registrations#GOOD_PASSWORD} from this client address and authenticates from it. */
    Authenticated signIn(String login, String clientAddress) {
        NewSession session = logIn.logIn(new LogInCommand(login, Registrations.GOOD_PASSWORD, clientAddress));
        return authenticate.authenticate(session.token(), clientAddress);
    }

    /** Logs in with {@link Registrations#GOOD_PASSWORD}: the bearer token. */
    String logInToken(String login) {
        NewSession session = logIn.logIn(new LogInCommand(login, Registrations.GOOD_PASSWORD));
        return session.token();
    }

    User user(UserId id) {
        return users.findById(id).orElseThrow(() -> new AssertionError("no user " + id));
    }

    /** The token in the latest mail of this template to this address, as a link in it would carry it. */
    String tokenInLatestMail(MailTemplate template, String recipient) {
        List<OutgoingMail> mails = outbox.queuedFor(new EmailAddress(recipient), template);
        if (mails.isEmpty()) {
            throw new AssertionError("no " + template + " mail to " + recipient);
        }
        return mails.getLast().parameters().get(MailTemplate.TOKEN);
    }
}
