package dev.accounts.domain.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The user aggregate. Immutable: a change makes a new {@code User}, so a half-applied change cannot be
 * observed. Created through {@link #register}; {@link #restore} rebuilds one that was stored, checking the
 * same invariants, so no path into the aggregate bypasses them.
 */
public final class User {

    private final UserId id;
    private final Username username;
    private final EmailAddress email;
    private final EmailAddress pendingEmail;
    private final PasswordHash passwordHash;
    private final boolean emailVerified;
    private final boolean active;
    private final boolean superuser;
    private final Instant createdAt;
    private final Instant updatedAt;

    private User(UserId id, Username username, EmailAddress email, EmailAddress pendingEmail, PasswordHash passwordHash,
                 boolean emailVerified, boolean active, boolean superuser, Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.username = Objects.requireNonNull(username, "username");
        this.email = Objects.requireNonNull(email, "email");
        this.pendingEmail = pendingEmail;
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.emailVerified = emailVerified;
        this.active = active;
        this.superuser = superuser;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        if (updatedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("updatedAt must not be before createdAt");
        }
    }

    /** A newly registered user: active, not a superuser, address not yet verified. */
    public static User register(UserId id, Username username, EmailAddress email, PasswordHash passwordHash, Instant now) {
        return new User(id, username, email, null, passwordHash, false, true, false, now, now);
    }

    /** A user as it was stored; {@code pendingEmail} is null when no address change waits for confirmation. */
    public static User restore(UserId id, Username username, EmailAddress email, EmailAddress pendingEmail,
                               PasswordHash passwordHash, boolean emailVerified, boolean active, boolean superuser,
                               Instant createdAt, Instant updatedAt) {
        return new User(id, username, email, pendingEmail, passwordHash, emailVerified, active, superuser, createdAt,
                updatedAt);
    }

    /** The first superuser, made by an operator from the command line: never through a public endpoint. */
    public static User registerSuperuser(UserId id, Username username, EmailAddress email, PasswordHash passwordHash,
                                         Instant now) {
        return new User(id, username, email, null, passwordHash, true, true, true, now, now);
    }

    /** A new username, effective at once. */
    public User withUsername(Username newUsername, Instant now) {
        return new User(id, newUsername, email, pendingEmail, passwordHash, emailVerified, active, superuser, createdAt, now);
    }

    /**
     * Starts an address change: the new address waits for confirmation while the current one stays the login
     * address. A later request replaces an earlier one.
     */
    public User withPendingEmail(EmailAddress newEmail, Instant now) {
        return new User(id, username, email, newEmail, passwordHash, emailVerified, active, superuser, createdAt, now);
    }

    /**
     * Completes an address change confirmed from {@code confirmedAddress}: it becomes the login address, verified.
     *
     * @throws IllegalStateException when that address is not the one waiting (a newer request superseded it)
     */
    public User confirmPendingEmail(EmailAddress confirmedAddress, Instant now) {
        if (pendingEmail == null || !pendingEmail.equals(confirmedAddress)) {
            throw new IllegalStateException("no change to this address is pending");
        }
        return new User(id, username, pendingEmail, null, passwordHash, true, active, superuser, createdAt, now);
    }

    /**
     * Marks the address verified, from a token sent to {@code verifiedAddress}.
     *
     * @throws IllegalStateException when the user's address has changed since the token was sent
     */
    public User verifyEmail(EmailAddress verifiedAddress, Instant now) {
        if (!email.equals(verifiedAddress)) {
            throw new IllegalStateException("the token was sent to another address");
        }
        return new User(id, username, email, pendingEmail, passwordHash, true, active, superuser, createdAt, now);
    }

    public User withPasswordHash(PasswordHash newHash, Instant now) {
        return new User(id, username, email, pendingEmail, newHash, emailVerified, active, superuser, createdAt, now);
    }

    /**
     * The account can no longer log in, and an existing session no longer authenticates. Ending those sessions is the
     * caller's job (the aggregate does not hold them). Deactivating an inactive user changes nothing.
     */
    public User deactivate(Instant now) {
        return active ? new User(id, username, email, pendingEmail, passwordHash, emailVerified, false, superuser,
                createdAt, now) : this;
    }

    /**
     * The account may log in again, with a new session: ended ones stay ended. Reactivating an active user changes
     * nothing.
     */
    public User reactivate(Instant now) {
        return active ? this : new User(id, username, email, pendingEmail, passwordHash, emailVerified, true, superuser,
                createdAt, now);
    }

    public UserId id() {
        return id;
    }

    public Username username() {
        return username;
    }

    public EmailAddress email() {
        return email;
    }

    public Optional<EmailAddress> pendingEmail() {
        return Optional.ofNullable(pendingEmail);
    }

    public PasswordHash passwordHash() {
        return passwordHash;
    }

    public boolean emailVerified() {
        return emailVerified;
    }

    public boolean active() {
        return active;
    }

    public boolean superuser() {
        return superuser;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Identity is the id alone. */
    @Override
    public boolean equals(Object other) {
        return other instanceof User that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", username=" + username + "]";
    }
}
