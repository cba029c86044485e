package dev.accounts.domain.user;

import java.time.Instant;
import java.util.Objects;

/**
 * The user aggregate. Immutable: a change makes a new {@code User}, so a half-applied change cannot be
 * observed. Created through {@link #register}; {@link #restore} rebuilds one that was stored, checking the
 * same invariants, so no path into the aggregate bypasses them.
 */
public final class User {

    private final UserId id;
    private final Username username;
    private final EmailAddress email;
    private final PasswordHash passwordHash;
    private final boolean emailVerified;
    private final boolean active;
    private final boolean superuser;
    private final Instant createdAt;
    private final Instant updatedAt;

    private User(UserId id, Username username, EmailAddress email, PasswordHash passwordHash, boolean emailVerified,
                 boolean active, boolean superuser, Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.username = Objects.requireNonNull(username, "username");
        this.email = Objects.requireNonNull(email, "email");
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
        return new User(id, username, email, passwordHash, false, true, false, now, now);
    }

    /** A user as it was stored. */
    public static User restore(UserId id, Username username, EmailAddress email, PasswordHash passwordHash,
                               boolean emailVerified, boolean active, boolean superuser,
                               Instant createdAt, Instant updatedAt) {
        return new User(id, username, email, passwordHash, emailVerified, active, superuser, createdAt, updatedAt);
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
