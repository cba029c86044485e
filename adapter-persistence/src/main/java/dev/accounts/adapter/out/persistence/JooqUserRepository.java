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
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Users in the {@code users} table. Uniqueness ignoring case is the unique indexes' job: an insert or update that
 * breaks one fails with SQLSTATE 23505, mapped to the attribute by the index's name, so concurrent registrations or
 * renames to one name cannot both succeed. Look-ups ignoring case compare {@code lower(column)}, the very expression
 * those indexes are built on, so they use them. Runs inside the caller's transaction when there is one.
 *
 * <p>{@code updated_at} is written from the aggregate, so the stored value is the one the service answered with;
 * the table's trigger stamps only updates that leave it unchanged (see the V2 migration).
 */
public final class JooqUserRepository implements UserRepository {

    /** The unique indexes of the V1 migration, by the attribute they keep unique. */
    private static final Map<String, DuplicateUserException.Attribute> UNIQUE_INDEXES = Map.of(
            "users_username_lower_key", DuplicateUserException.Attribute.USERNAME,
            "users_email_lower_key", DuplicateUserException.Attribute.EMAIL);

    /** Every log-in and every sign-up reads by name: rendered once. */
    private static final RenderedQuery FIND_BY_USERNAME = RenderedQuery.of(sql -> sql.select(USERS.fields()).from(USERS)
            .where(DSL.lower(USERS.USERNAME).eq(DSL.lower(DSL.param("username", String.class)))));
    private static final RenderedQuery FIND_BY_EMAIL = RenderedQuery.of(sql -> sql.select(USERS.fields()).from(USERS)
            .where(DSL.lower(USERS.EMAIL).eq(DSL.lower(DSL.param("email", String.class)))));

    /**
     * Whether the name or the address is taken, in one statement on the two unique indexes: a row with the name
     * sorts first, so the username is the answer when both are taken (as at insert).
     */
    private static final RenderedQuery FIND_TAKEN = RenderedQuery.of(sql -> {
        var nameTaken = DSL.lower(USERS.USERNAME).eq(DSL.lower(DSL.param("username", String.class)));
        return sql.select(DSL.field(nameTaken).as("username_taken")).from(USERS)
                .where(nameTaken)
                .or(DSL.lower(USERS.EMAIL).eq(DSL.lower(DSL.param("email", String.class))))
                .orderBy(DSL.field(DSL.name("username_taken")).desc())
                .limit(DSL.inline(1));
    });

    /** Every sign-up: rendered once. Bound in the order of the columns set. */
    private static final RenderedQuery INSERT = RenderedQuery.insertInto(USERS, USERS.ID, USERS.USERNAME, USERS.EMAIL,
            USERS.PENDING_EMAIL, USERS.EMAIL_VERIFIED, USERS.PASSWORD_HASH, USERS.IS_ACTIVE, USERS.IS_SUPERUSER,
            USERS.CREATED_AT, USERS.UPDATED_AT);

    private final DSLContext dsl;
    private final UserChanges changes;

    public JooqUserRepository(DSLContext dsl) {
        this(dsl, UserChanges.NONE);
    }

    /** {@code changes} is told of every user this repository updates. */
    public JooqUserRepository(DSLContext dsl, UserChanges changes) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    @Override
    public void add(User user) {
        INSERT.insertHeld(dsl, JooqUserRepository::duplicateOr, user.id().value(), user.username().value(),
                user.email().value(), pendingEmail(user), user.emailVerified(), user.passwordHash().value(), user.active(), user.superuser(),
                Timestamps.toDatabase(user.createdAt()), Timestamps.toDatabase(user.updatedAt()));
    }

    /**
     * Writes every attribute a user can change; id, superuser and creation time are not among them.
     *
     * @throws IllegalStateException when no user has this id: updating a user that is not there is a bug
     */
    @Override
    public void update(User user) {
        int rows = uniquenessChecked(() -> dsl.update(USERS)
                .set(USERS.USERNAME, user.username().value())
                .set(USERS.EMAIL, user.email().value())
                .set(USERS.PENDING_EMAIL, pendingEmail(user))
                .set(USERS.EMAIL_VERIFIED, user.emailVerified())
                .set(USERS.PASSWORD_HASH, user.passwordHash().value())
                .set(USERS.IS_ACTIVE, user.active())
                .set(USERS.UPDATED_AT, Timestamps.toDatabase(user.updatedAt()))
                .where(USERS.ID.eq(user.id().value()))
                .execute());
        if (rows == 0) {
            throw new IllegalStateException("no user " + user.id().value() + " to update");
        }
        changes.changing(user.id());
    }

    @Override
    public Optional<User> findById(UserId id) {
        return findOne(USERS.ID.eq(id.value()));
    }

    /** {@code SELECT … FOR UPDATE}: a concurrent change of this user waits for the surrounding transaction. */
    @Override
    public Optional<User> findByIdForUpdate(UserId id) {
        return StoreFailures.translated(() -> dsl.selectFrom(USERS).where(USERS.ID.eq(id.value())).forUpdate().fetchOptional())
                .map(JooqUserRepository::toUser);
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return FIND_BY_USERNAME.fetchOptional(dsl, username.value()).map(JooqUserRepository::fromRow);
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return FIND_BY_EMAIL.fetchOptional(dsl, email.value()).map(JooqUserRepository::fromRow);
    }

    @Override
    public Optional<DuplicateUserException.Attribute> findTaken(Username username, EmailAddress email) {
        return FIND_TAKEN.fetchOptional(dsl, username.value(), username.value(), email.value())
                .map(row -> Boolean.TRUE.equals(row.get(0))
                        ? DuplicateUserException.Attribute.USERNAME
                        : DuplicateUserException.Attribute.EMAIL);
    }

    private Optional<User> findOne(Condition condition) {
        return StoreFailures.translated(() -> dsl.selectFrom(USERS).where(condition).fetchOptional())
                .map(JooqUserRepository::toUser);
    }

    /** Runs a write, turning a violation of a user unique index into the attribute that is taken. */
    private static int uniquenessChecked(Supplier<Integer> write) {
        try {
            return StoreFailures.translated(write);
        } catch (RuntimeException e) {
            throw duplicateOr(e);
        }
    }

    /** A break of a unique index on name or address as the domain's refusal; any other failure as it is. */
    private static RuntimeException duplicateOr(RuntimeException failure) {
        return UniqueViolations.constraintName(failure)
                .map(UNIQUE_INDEXES::get)
                .<RuntimeException>map(DuplicateUserException::new)
                .orElse(failure);
    }

    private static String pendingEmail(User user) {
        return user.pendingEmail().map(EmailAddress::value).orElse(null);
    }

    /** Shared with {@link JooqUserDirectory}, so a user reads the same whichever way it was found. */
    private static User fromRow(Record row) {
        return toUser(RenderedQuery.columnsOf(row, USERS, 0));
    }

    static User toUser(UsersRecord row) {
        return User.restore(new UserId(row.getId()), new Username(row.getUsername()), new EmailAddress(row.getEmail()),
                row.getPendingEmail() == null ? null : new EmailAddress(row.getPendingEmail()),
                new PasswordHash(row.getPasswordHash()), row.getEmailVerified(), row.getIsActive(), row.getIsSuperuser(),
                Timestamps.fromDatabase(row.getCreatedAt()), Timestamps.fromDatabase(row.getUpdatedAt()));
    }
}
