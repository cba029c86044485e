package dev.accounts.adapter.out.persistence;

import static dev.accounts.adapter.out.persistence.jooq.Tables.EMAIL_TOKENS;
import static dev.accounts.adapter.out.persistence.jooq.Tables.PROFILES;
import static dev.accounts.adapter.out.persistence.jooq.Tables.SESSIONS;
import static dev.accounts.adapter.out.persistence.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.fixtures.EmailTokens;
import dev.accounts.application.fixtures.Sessions;
import dev.accounts.application.fixtures.Users;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.TokenPurpose;
import dev.accounts.domain.user.User;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A deleted user leaves nothing behind that could still authenticate or describe them, except their audit trail,
 * which must outlive them.
 */
@ExtendWith(SharedDatabase.class)
class UserDeletionTest {

    private final DSLContext dsl;
    private final JooqUserRepository users;
    private final JooqProfileRepository profiles;
    private final JooqSessionStore sessions;
    private final JooqEmailTokenStore tokens;
    private final JooqAuditTrail audit;

    UserDeletionTest(TestDatabase database) {
        this.dsl = database.dsl();
        this.users = new JooqUserRepository(dsl);
        this.profiles = new JooqProfileRepository(dsl);
        this.sessions = new JooqSessionStore(dsl);
        this.tokens = new JooqEmailTokenStore(dsl);
        this.audit = new JooqAuditTrail(dsl);
    }

    @Test
    void deletesTheProfileSessionsAndTokensOfADeletedUserAndNoOneElses() {
        User deleted = withEverything("leo");
        User kept = withEverything("lia");

        dsl.deleteFrom(USERS).where(USERS.ID.eq(deleted.id().value())).execute();

        List<TableField<?, UUID>> userIds = List.of(PROFILES.USER_ID, SESSIONS.USER_ID, EMAIL_TOKENS.USER_ID);
        for (TableField<?, UUID> userId : userIds) {
            Table<?> table = userId.getTable();
            assertThat(dsl.fetchCount(table, userId.eq(deleted.id().value()))).as(table.getName()).isZero();
            assertThat(dsl.fetchCount(table, userId.eq(kept.id().value()))).as(table.getName()).isPositive();
        }
    }

    @Test
    void keepsTheAuditTrailOfADeletedUser() {
        User deleted = withEverything("lou");
        audit.record(new AuditEvent(deleted.createdAt(), AuditAction.REGISTRATION, deleted.id(),
                ClientAddresses.unique(), AuditOutcome.SUCCESS));

        dsl.deleteFrom(USERS).where(USERS.ID.eq(deleted.id().value())).execute();

        assertThat(users.findById(deleted.id())).isEmpty();
        assertThat(dsl.fetchCount(dsl.selectFrom("audit_events").where("user_id = ?", deleted.id().value()))).isOne();
    }

    private User withEverything(String username) {
        User user = Users.registered(username, username + "@example.org");
        Instant now = user.createdAt();
        users.add(user);
        profiles.save(user.id(), new Profile(username, null));
        sessions.add(Sessions.startedAt(user.id(), now).session());
        tokens.issue(EmailTokens.forUser(user, TokenPurpose.EMAIL_VERIFICATION, now).stored());
        tokens.issue(EmailTokens.forUser(user, TokenPurpose.PASSWORD_RESET, now).stored());
        return user;
    }
}
