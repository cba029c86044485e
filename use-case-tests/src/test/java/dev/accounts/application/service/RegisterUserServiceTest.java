package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.adapter.out.inmemory.InMemoryAuditTrail;
import dev.accounts.adapter.out.inmemory.InMemoryEmailTokenStore;
import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox;
import dev.accounts.adapter.out.inmemory.InMemoryProfileRepository;
import dev.accounts.adapter.out.inmemory.InMemoryStore;
import dev.accounts.adapter.out.inmemory.InMemoryUserRepository;
import dev.accounts.application.fixtures.FastPasswordHasher;
import dev.accounts.application.fixtures.MutableClock;
import dev.accounts.application.fixtures.Registrations;
import dev.accounts.application.port.in.FieldError;
import dev.accounts.application.port.in.InvalidInputException;
import dev.accounts.application.port.in.RegisterUserCommand;
import dev.accounts.application.port.in.UserView;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.DuplicateUserException;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.EmailToken;
import dev.accounts.domain.user.Password;
import dev.accounts.domain.user.PasswordPolicy;
import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegisterUserServiceTest {

    private final MutableClock clock = MutableClock.startingAt("2026-11-21T10:15:30.123456789Z");
    private final InMemoryStore store = new InMemoryStore(clock);
    private final InMemoryUserRepository users = store.users();
    private final InMemoryProfileRepository profiles = store.profiles();
    private final InMemoryEmailTokenStore tokens = store.tokens();
    private final InMemoryMailOutbox outbox = store.outbox();
    private final InMemoryAuditTrail audit = store.audit();
    private final FastPasswordHasher hasher = new FastPasswordHasher(store.transactions()::inProgress);
    private final CountedTransactions transactions = new CountedTransactions(store.transactions());
    private final RegisterUserService service = new RegisterUserService(users, tokens, outbox, hasher,
            PasswordPolicy.defaults(), LifecyclePolicy.DEFAULTS, audit, transactions, clock);

    private RegisterUserService serviceCheckingTakenNames(TakenNameCheck check) {
        return new RegisterUserService(users, tokens, outbox, hasher, PasswordPolicy.defaults(),
                LifecyclePolicy.DEFAULTS, audit, transactions, clock, check);
    }

    @Test
    void storesANewActiveUnverifiedUserWithAHashedPassword() {
        UserView view = service.register(new RegisterUserCommand("Alice", "Alice@Example.com", Registrations.GOOD_PASSWORD));

        User stored = users.findById(new UserId(view.id())).orElseThrow();
        assertThat(stored.username().value()).isEqualTo("Alice");
        assertThat(stored.email().value()).isEqualTo("Alice@Example.com");
        assertThat(hasher.matches(Password.of(Registrations.GOOD_PASSWORD), stored.passwordHash())).isTrue();
        assertThat(stored.passwordHash().value()).doesNotContain(Registrations.GOOD_PASSWORD);
        assertThat(view.active()).isTrue();
        assertThat(view.emailVerified()).isFalse();
        assertThat(view.createdAt()).isEqualTo("2026-11-21T10:15:30.123456Z").isEqualTo(view.updatedAt());
    }

    @Test
    void queuesAWelcomeMailInTheSameTransactionAsTheUser() {
        service.register(new RegisterUserCommand("Alice", "alice@example.com", Registrations.GOOD_PASSWORD));

        assertThat(transactions.count()).isEqualTo(1);
        assertThat(outbox.pending()).singleElement().satisfies(mail -> {
            assertThat(mail.template()).isEqualTo(MailTemplate.WELCOME);
            assertThat(mail.recipient()).isEqualTo(new EmailAddress("alice@example.com"));
            assertThat(mail.parameters()).containsEntry(MailTemplate.USERNAME, "Alice");
        });
    }

    @Test
    void storesNoProfileTheNewUserHasTheEmptyOne() {
        UserView view = service.register(Registrations.valid());

        assertThat(profiles.saved(new UserId(view.id()))).isEmpty();
        assertThat(profiles.find(new UserId(view.id()))).isEqualTo(Profile.EMPTY);
    }

    @Test
    void issuesAVerificationTokenForTheAddressLivingADay() {
        UserView view = service.register(new RegisterUserCommand("Alice", "Alice@Example.com", Registrations.GOOD_PASSWORD));

        assertThat(tokens.all()).singleElement().satisfies(token -> {
            assertThat(token.userId()).isEqualTo(new UserId(view.id()));
            assertThat(token.address().value()).isEqualTo("Alice@Example.com");
            assertThat(token.purpose()).isEqualTo(TokenPurpose.EMAIL_VERIFICATION);
            assertThat(token.createdAt()).isEqualTo(view.createdAt());
            assertThat(Duration.between(token.createdAt(), token.expiresAt())).isEqualTo(Duration.ofHours(24));
        });
    }

    @Test
    void theWelcomeMailCarriesTheTokenWhoseDigestIsStored() {
        service.register(Registrations.valid());

        OutgoingMail welcome = outbox.pending().getFirst();
        SecretToken mailed = SecretToken.parse(welcome.parameters().get(MailTemplate.TOKEN));
        EmailToken stored = tokens.all().getFirst();
        assertThat(mailed.digest()).isEqualTo(stored.digest());
        assertThat(tokens.consume(mailed.digest(), TokenPurpose.EMAIL_VERIFICATION, clock.instant())).isPresent();
    }

    @Test
    void rejectsATakenUsernameIgnoringCaseAndQueuesNoMail() {
        service.register(new RegisterUserCommand("Alice", "alice@example.com", Registrations.GOOD_PASSWORD));

        assertThatThrownBy(() -> service.register(new RegisterUserCommand("ALICE", "other@example.com", Registrations.GOOD_PASSWORD)))
                .isInstanceOfSatisfying(DuplicateUserException.class,
                        e -> assertThat(e.attribute()).isEqualTo(DuplicateUserException.Attribute.USERNAME));
        assertThat(users.all()).hasSize(1);
        assertThat(tokens.all()).hasSize(1);
        assertThat(outbox.pending()).hasSize(1);
    }

    @Test
    void rejectsATakenEmailIgnoringCase() {
        service.register(new RegisterUserCommand("alice", "Alice@X.com", Registrations.GOOD_PASSWORD));

        assertThatThrownBy(() -> service.register(new RegisterUserCommand("bob", "alice@x.COM", Registrations.GOOD_PASSWORD)))
                .isInstanceOfSatisfying(DuplicateUserException.class,
                        e -> assertThat(e.attribute()).isEqualTo(DuplicateUserException.Attribute.EMAIL));
    }

    @Test
    void answersATakenUsernameOrEmailWithoutHashingWhenCheckingBeforeHashing() {
        RegisterUserService checking = serviceCheckingTakenNames(TakenNameCheck.BEFORE_HASHING);
        checking.register(new RegisterUserCommand("Alice", "alice@example.com", Registrations.GOOD_PASSWORD));
        int hashes = hasher.hashCount();

        assertThatThrownBy(() -> checking.register(new RegisterUserCommand("ALICE", "other@example.com", Registrations.GOOD_PASSWORD)))
                .isInstanceOfSatisfying(DuplicateUserException.class,
                        e -> assertThat(e.attribute()).isEqualTo(DuplicateUserException.Attribute.USERNAME));
        assertThatThrownBy(() -> checking.register(new RegisterUserCommand("bob", "Alice@EXAMPLE.com", Registrations.GOOD_PASSWORD)))
                .isInstanceOfSatisfying(DuplicateUserException.class,
                        e -> assertThat(e.attribute()).isEqualTo(DuplicateUserException.Attribute.EMAIL));
        assertThat(hasher.hashCount()).isEqualTo(hashes);
        assertThat(users.all()).hasSize(1);
        assertThat(audit.events(AuditAction.REGISTRATION)).extracting(AuditEvent::outcome)
                .containsExactly(AuditOutcome.SUCCESS, AuditOutcome.FAILURE, AuditOutcome.FAILURE);
    }

    @Test
    void stillChecksEveryRuleBeforeLookingForTakenNames() {
        RegisterUserService checking = serviceCheckingTakenNames(TakenNameCheck.BEFORE_HASHING);
        checking.register(new RegisterUserCommand("Alice", "alice@example.com", Registrations.GOOD_PASSWORD));

        assertThatThrownBy(() -> checking.register(new RegisterUserCommand("alice", "alice@example.com", "short")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aTakenNameCostsOneHashLikeAFreeOneWhenFoundAtInsertOnly() {
        // Registration privacy relies on this: the answer is uniform, and so must be the time it takes.
        RegisterUserService atInsert = serviceCheckingTakenNames(TakenNameCheck.AT_INSERT);
        atInsert.register(new RegisterUserCommand("Alice", "alice@example.com", Registrations.GOOD_PASSWORD));
        int hashes = hasher.hashCount();

        assertThatThrownBy(() -> atInsert.register(new RegisterUserCommand("alice", "new@example.com", Registrations.GOOD_PASSWORD)))
                .isInstanceOf(DuplicateUserException.class);
        assertThat(hasher.hashCount()).isEqualTo(hashes + 1);
    }

    @Test
    void leavesNothingBehindWhenTheLastWriteOfTheRegistrationFails() {
        IllegalStateException failure = new IllegalStateException("the audit trail is full");
        RegisterUserService failingAtTheEnd = new RegisterUserService(users, tokens, outbox, hasher,
                PasswordPolicy.defaults(), LifecyclePolicy.DEFAULTS, event -> {
                    throw failure;
                }, transactions, clock);

        assertThatThrownBy(() -> failingAtTheEnd.register(Registrations.valid())).isSameAs(failure);

        assertThat(users.all()).isEmpty();
        assertThat(tokens.all()).isEmpty();
        assertThat(outbox.entries()).isEmpty();
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void reportsEveryInvalidFieldAtOnceWithoutHashingOrStoring() {
        assertThatThrownBy(() -> service.register(new RegisterUserCommand("a!", "not-an-address", "short")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("username", "must be 3 to 32 characters long"),
                        new FieldError("email", "must be an address like name@example.com"),
                        new FieldError("password", "must be at least 12 characters long")));
        assertThat(hasher.hashCount()).isZero();
        assertThat(users.all()).isEmpty();
        assertThat(tokens.all()).isEmpty();
        assertThat(outbox.entries()).isEmpty();
    }

    @Test
    void reportsMissingValuesAsEmpty() {
        assertThatThrownBy(() -> service.register(new RegisterUserCommand(null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("username", "email", "password"));
    }

    @Test
    void checksThePasswordAgainstTheUsernameAndEmail() {
        assertThatThrownBy(() -> service.register(new RegisterUserCommand("zebra42", "stripes@example.com", "my zebra42 password")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("password", "must not contain the username")));
    }

    @Test
    void neverPutsThePasswordInAnErrorMessage() {
        String password = "hunter2hunter2";
        assertThatThrownBy(() -> service.register(new RegisterUserCommand("hunter2hunter2", "x@example.com", password)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(password));
        assertThat(new RegisterUserCommand("bob", "b@example.com", password).toString()).doesNotContain(password);
    }
}
