package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.fixtures.Users;
import dev.accounts.application.port.in.FieldError;
import dev.accounts.application.port.in.ForbiddenException;
import dev.accounts.application.port.in.InvalidInputException;
import dev.accounts.application.port.in.admin.AdminUserView;
import dev.accounts.application.port.in.admin.ListDeadMailQuery;
import dev.accounts.application.port.in.admin.ListUsersQuery;
import dev.accounts.application.port.in.admin.Page;
import dev.accounts.domain.audit.AuditAction;
import dev.accounts.domain.audit.AuditEvent;
import dev.accounts.domain.audit.AuditOutcome;
import dev.accounts.domain.user.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListUsersServiceTest {

    private final AdminAccounts admin = new AdminAccounts();
    private final InMemoryAccounts accounts = admin.accounts;

    @Test
    void listsEveryUserInTheOrderTheyRegisteredWithEveryAttributeButTheHash() {
        User alice = register("alice", "alice@example.com");
        User bob = register("bob", "bob@example.com");

        Page<AdminUserView> page = admin.listUsers.listUsers(ListUsersQuery.everyone(admin.admin));

        assertThat(page.items()).extracting(AdminUserView::username).containsExactly("root_admin", "alice", "bob");
        assertThat(page.items().get(1)).isEqualTo(AdminUserView.from(alice));
        assertThat(page.items().getFirst().superuser()).isTrue();
        assertThat(page.items().get(2).id()).isEqualTo(bob.id().value());
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void pagesFollowEachOtherByCursorUntilTheLastPageHasNone() {
        registerMany(6);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<AdminUserView> page = admin.listUsers.listUsers(
                    new ListUsersQuery(admin.admin, null, null, null, cursor, 3));
            page.items().forEach(user -> seen.add(user.username()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("root_admin", "user0", "user1", "user2", "user3", "user4", "user5");
    }

    @Test
    void aUserRegisteredBetweenTwoPagesNeitherShiftsNorRepeatsTheNextPage() {
        registerMany(3);
        Page<AdminUserView> first = admin.listUsers.listUsers(new ListUsersQuery(admin.admin, null, null, null, null, 2));
        register("latecomer", "latecomer@example.com");

        Page<AdminUserView> second = admin.listUsers.listUsers(
                new ListUsersQuery(admin.admin, null, null, null, first.nextCursor(), 2));

        assertThat(first.items()).extracting(AdminUserView::username).containsExactly("root_admin", "user0");
        assertThat(second.items()).extracting(AdminUserView::username).containsExactly("user1", "user2");
    }

    @Test
    void filtersByAPrefixOfTheUsernameOrTheAddressIgnoringCaseAndByTheFlags() {
        register("alice", "wonderland@example.com");
        register("bob", "Alice.Fan@example.com");
        User carol = register("carol", "carol@example.com");
        accounts.users.update(carol.deactivate(accounts.clock.instant()));

        assertThat(usernames(new ListUsersQuery(admin.admin, "  ALI ", null, null, null, null)))
                .containsExactly("alice", "bob");
        assertThat(usernames(new ListUsersQuery(admin.admin, "   ", null, null, null, null)))
                .containsExactly("root_admin", "alice", "bob", "carol");
        assertThat(usernames(new ListUsersQuery(admin.admin, null, null, false, null, null))).containsExactly("carol");
        assertThat(usernames(new ListUsersQuery(admin.admin, null, true, null, null, null)))
                .as("only the superuser's address counts as verified").containsExactly("root_admin");
        assertThat(usernames(new ListUsersQuery(admin.admin, "c", false, true, null, null))).isEmpty();
    }

    @Test
    void pagesFiftyUsersByDefaultAndUpToTwoHundred() {
        for (int i = 0; i < 210; i++) {
            accounts.users.add(Users.registered("bulk" + i, "bulk" + i + "@example.com"));
        }

        assertThat(admin.listUsers.listUsers(ListUsersQuery.everyone(admin.admin)).items()).hasSize(50);
        assertThat(admin.listUsers.listUsers(new ListUsersQuery(admin.admin, null, null, null, null, 200)).items())
                .hasSize(200);
    }

    @Test
    void refusesALimitOutOfRangeACursorOfAnotherListingAndAnOverlongPrefixAllAtOnce() {
        admin.deadMail(AdminAccounts.notice("gone@example.com"));
        admin.deadMail(AdminAccounts.notice("gone2@example.com"));
        String deadMailCursor = admin.listDeadMail.listDeadMail(new ListDeadMailQuery(admin.admin, null, 1)).nextCursor();

        assertThatThrownBy(() -> admin.listUsers.listUsers(
                new ListUsersQuery(admin.admin, "x".repeat(255), null, null, deadMailCursor, 201)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("q", "must be at most 254 characters long"),
                        new FieldError("cursor", "is not a cursor this listing returned"),
                        new FieldError("limit", "must be between 1 and 200")));
        assertThatThrownBy(() -> admin.listUsers.listUsers(new ListUsersQuery(admin.admin, null, null, null, "%%%", 0)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("cursor", "limit"));
    }

    @Test
    void refusesAPrefixWithAControlCharacterSuchAsNul() {
        assertThatThrownBy(() -> admin.listUsers.listUsers(new ListUsersQuery(admin.admin, "al\u0000ice", null, null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("q", "must not contain control characters")));
    }

    @Test
    void refusesAnyoneButAnActiveSuperuserAndAuditsTheRefusal() {
        var member = admin.member("mallory", "mallory@example.com");
        int unitsBefore = accounts.transactions.count();

        assertThatThrownBy(() -> admin.listUsers.listUsers(ListUsersQuery.everyone(member)))
                .isInstanceOf(ForbiddenException.class);

        assertThat(accounts.transactions.count()).as("nothing read or written for the refused caller")
                .isEqualTo(unitsBefore);
        assertThat(admin.audited(AuditAction.ADMIN_USERS_LISTED)).containsExactly(new AuditEvent(
                Now.of(accounts.clock), AuditAction.ADMIN_USERS_LISTED, null, AdminAccounts.CLIENT, AuditOutcome.FAILURE,
                member.userId(), null));
    }

    @Test
    void refusesASuperuserWhoWasDeactivatedSinceSigningIn() {
        var other = admin.superuser("second_admin", "second@example.com");
        admin.deactivateUser.deactivate(admin.admin, other.userId().toString());

        assertThatThrownBy(() -> admin.listUsers.listUsers(ListUsersQuery.everyone(other)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void auditsEachListingInItsTransactionWithTheSuperuserAsActor() {
        admin.listUsers.listUsers(ListUsersQuery.everyone(admin.admin));

        AuditEvent listed = new AuditEvent(Now.of(accounts.clock), AuditAction.ADMIN_USERS_LISTED, null,
                AdminAccounts.CLIENT, AuditOutcome.SUCCESS, admin.adminId(), null);
        assertThat(admin.audited(AuditAction.ADMIN_USERS_LISTED)).containsExactly(listed);
        assertThat(accounts.auditWitness.recordedInTransactions()).contains(listed);
    }

    private List<String> usernames(ListUsersQuery query) {
        return admin.listUsers.listUsers(query).items().stream().map(AdminUserView::username).toList();
    }

    private void registerMany(int count) {
        for (int i = 0; i < count; i++) {
            register("user" + i, "user" + i + "@example.com");
        }
    }

    /** Registered a little later than anyone before: ids are time-ordered to the millisecond. */
    private User register(String username, String email) {
        accounts.clock.advance(Duration.ofMillis(5));
        return accounts.register(username, email);
    }
}
