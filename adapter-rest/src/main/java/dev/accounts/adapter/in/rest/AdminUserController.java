package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.admin.AdminUserView;
import dev.accounts.application.port.in.admin.DeactivateUserUseCase;
import dev.accounts.application.port.in.admin.GetUserUseCase;
import dev.accounts.application.port.in.admin.ListUsersQuery;
import dev.accounts.application.port.in.admin.ListUsersUseCase;
import dev.accounts.application.port.in.admin.ReactivateUserUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/users}: accounts as a superuser sees and manages them. Every handler needs a session; whether its
 * user is an active superuser is the use cases' to decide (403 otherwise, see {@link ProblemDetailsAdvice}), as is
 * whether an id names an account (404). Parameters arrive as text and are typed here, strictly.
 */
@RestController
@RequestMapping(path = "/api/admin/users", produces = MediaType.APPLICATION_JSON_VALUE)
public class AdminUserController {

    private static final Logger log = LoggerFactory.getLogger(AdminUserController.class);

    private final ListUsersUseCase listUsers;
    private final GetUserUseCase getUser;
    private final DeactivateUserUseCase deactivateUser;
    private final ReactivateUserUseCase reactivateUser;

    public AdminUserController(ListUsersUseCase listUsers, GetUserUseCase getUser, DeactivateUserUseCase deactivateUser,
                               ReactivateUserUseCase reactivateUser) {
        this.listUsers = listUsers;
        this.getUser = getUser;
        this.deactivateUser = deactivateUser;
        this.reactivateUser = reactivateUser;
    }

    @GetMapping
    public PageResponse<AdminUserResponse> list(Authenticated current,
                                                @RequestParam(name = "q", required = false) String q,
                                                @RequestParam(name = "verified", required = false) String verified,
                                                @RequestParam(name = "active", required = false) String active,
                                                @RequestParam(name = "cursor", required = false) String cursor,
                                                @RequestParam(name = "limit", required = false) String limit) {
        ListUsersQuery query = new ListUsersQuery(current, q, QueryParameters.flag("verified", verified),
                QueryParameters.flag("active", active), cursor, QueryParameters.number("limit", limit));
        return PageResponse.from(listUsers.listUsers(query), AdminUserResponse::from);
    }

    @GetMapping("/{id}")
    public AdminUserResponse user(Authenticated current, @PathVariable("id") String id) {
        return AdminUserResponse.from(getUser.getUser(current, id));
    }

    @PostMapping("/{id}/deactivate")
    public AdminUserResponse deactivate(Authenticated current, @PathVariable("id") String id, ClientAddress client) {
        AdminUserView user = deactivateUser.deactivate(current, id);
        log.info("user deactivated: user={} by={} client={}", user.id(), current.userId(), LogSafe.escape(client.value()));
        return AdminUserResponse.from(user);
    }

    @PostMapping("/{id}/reactivate")
    public AdminUserResponse reactivate(Authenticated current, @PathVariable("id") String id, ClientAddress client) {
        AdminUserView user = reactivateUser.reactivate(current, id);
        log.info("user reactivated: user={} by={} client={}", user.id(), current.userId(), LogSafe.escape(client.value()));
        return AdminUserResponse.from(user);
    }
}
