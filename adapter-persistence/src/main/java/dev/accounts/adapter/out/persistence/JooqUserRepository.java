package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.USERS;

import dev.accounts.adapter.out.persistence.jooq.tables.records.UsersRecord;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.user.DuplicateUserException;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.PasswordHash;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import dev.accounts.domain.user.Username;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Users in the {@code users} table. Uniqueness ignoring case is the unique indexes' job: an insert that breaks
 * one fails with SQLSTATE 23505, mapped to the attribute by the index's name, so concurrent registrations of one
 * name cannot both succeed. Runs inside the caller's transaction when there is one.
 */
public final class JooqUserRepository implements UserRepository {

    /** The unique indexes of the V1 migration, by the attribute they keep unique. */
    private static final Map<String, DuplicateUserException.Attribute> UNIQUE_INDEXES = Map.of(
            "users_username_lower_key", DuplicateUserException.Attribute.USERNAME,
            "users_email_lower_key", DuplicateUserException.Attribute.EMAIL);

    private final DSLContext dsl;

    public JooqUserRepository(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public void add(User user) {
        try {
            StoreFailures.translated(() -> dsl.insertInto(USERS)
                    .set(USERS.ID, user.id().value())
                    .set(USERS.USERNAME, user.username().value())
                    .set(USERS.EMAIL, user.email().value())
                    .set(USERS.EMAIL_VERIFIED, user.emailVerified())
                    .set(USERS.PASSWORD_HASH, user.passwordHash().value())
                    .set(USERS.IS_ACTIVE, user.active())
                    .set(USERS.IS_SUPERUSER, user.superuser())
                    .set(USERS.CREATED_AT, Timestamps.toDatabase(user.createdAt()))
                    .set(USERS.UPDATED_AT, Timestamps.toDatabase(user.updatedAt()))
                    .execute());
        } catch (RuntimeException e) {
            throw UniqueViolations.constraintName(e)
                    .map(UNIQUE_INDEXES::get)
                    .<RuntimeException>map(DuplicateUserException::new)
                    .orElse(e);
        }
    }

    @Override
    public Optional<User> findById(UserId id) {
        return StoreFailures.translated(() -> dsl.selectFrom(USERS).where(USERS.ID.eq(id.value())).fetchOptional())
                .map(JooqUserRepository::toUser);
    }

    private static User toUser(UsersRecord row) {
        return User.restore(new UserId(row.getId()), new Username(row.getUsername()), new EmailAddress(row.getEmail()),
                new PasswordHash(row.getPasswordHash()), row.getEmailVerified(), row.getIsActive(), row.getIsSuperuser(),
                Timestamps.fromDatabase(row.getCreatedAt()), Timestamps.fromDatabase(row.getUpdatedAt()));
    }
}
