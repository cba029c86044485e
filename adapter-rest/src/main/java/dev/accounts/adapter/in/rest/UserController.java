package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.GetAccountUseCase;
import dev.accounts.application.port.in.RegisterUserPrivatelyUseCase;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.in.UserView;
import dev.accounts.domain.user.DuplicateUserException;
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
 * {@link ProblemDetailsAdvice}, but for a taken username or address, which registration answers itself.
 *
 * <p>Registration answers in one of two ways, as {@link RestSettings#registrationPrivacy()} says: openly (201 with
 * the new user, 409 naming a taken username or address), or privately (202 for every valid request, made or not;
 * the address owner learns by mail why not), so that nobody can probe which accounts exist.
 */
@RestController
@RequestMapping("/api/users")
public class UserController {

    private static final Logger log = LoggerFactory.getLogger(UserController.class);

    private final RegisterUserUseCase registerUser;
    private final RegisterUserPrivatelyUseCase registerUserPrivately;
    private final GetAccountUseCase getAccount;
    private final boolean registrationPrivacy;

    public UserController(RegisterUserUseCase registerUser, RegisterUserPrivatelyUseCase registerUserPrivately,
                          GetAccountUseCase getAccount, RestSettings settings) {
        this.registerUser = registerUser;
        this.registerUserPrivately = registerUserPrivately;
        this.getAccount = getAccount;
        this.registrationPrivacy = settings.registrationPrivacy();
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
    public ResponseEntity<?> register(@Valid @RequestBody RegisterUserRequest request, ClientAddress client) {
        if (registrationPrivacy) {
            registerUserPrivately.register(request.toCommand(client));
            // Whether an account was made is exactly what this mode keeps to itself; the audit trail knows.
            log.info("registration accepted: client={}", LogSafe.escape(client.value()));
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(AcceptedResponse.ACCEPTED);
        }
        UserView user;
        try {
            user = registerUser.register(request.toCommand(client));
        } catch (DuplicateUserException e) {
            // Answered here rather than by ProblemDetailsAdvice, in the same words: a taken name is the refusal a
            // client can repeat fastest, and Spring's exception resolution was a third of its CPU.
            log.info("rejected POST /api/users from {}: {} taken", LogSafe.escape(client.value()),
                    AlreadyTakenProblem.field(e));
            return AlreadyTakenProblem.answer(e);
        }
        // No line of its own: the audit trail logs the registration (accounts.audit) once it is committed.
        // Relative on purpose: an absolute URL would have to come from the Host header, which the client controls.
        return ResponseEntity.created(URI.create("/api/users/" + user.id())).body(UserResponse.from(user));
    }
}
