package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.GetAccountUseCase;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.in.UserView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/users}: registration, and the registered user's own resource. Failures become problems in
 * {@link ProblemDetailsAdvice}.
 */
@RestController
@RequestMapping("/api/users")
public class UserController {

    private static final Logger log = LoggerFactory.getLogger(UserController.class);

    private final RegisterUserUseCase registerUser;
    private final GetAccountUseCase getAccount;

    public UserController(RegisterUserUseCase registerUser, GetAccountUseCase getAccount) {
        this.registerUser = registerUser;
        this.getAccount = getAccount;
    }

    /**
     * The resource a registration's {@code Location} names. Only its owner sees it (as {@code /api/users/me});
     * any other id, existing or not, is the same 404, so ids cannot be probed.
     */
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> user(Authenticated current, @PathVariable("id") String id) {
        if (!current.userId().value().toString().equalsIgnoreCase(id)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemType.NOT_FOUND.problem());
        }
        return ResponseEntity.ok(AccountResponse.from(getAccount.getAccount(current)));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<UserResponse> register(@Valid @RequestBody RegisterUserRequest request,
                                                 HttpServletRequest http) {
        UserView user = registerUser.register(request.toCommand());
        log.info("registration succeeded: user={} client={}", user.id(), LogSafe.escape(http.getRemoteAddr()));
        // Relative on purpose: an absolute URL would have to come from the Host header, which the client controls.
        return ResponseEntity.created(URI.create("/api/users/" + user.id())).body(UserResponse.from(user));
    }
}
