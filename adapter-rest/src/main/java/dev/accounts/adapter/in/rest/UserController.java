package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.in.UserView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/users}: registration. Failures become problems in {@link ProblemDetailsAdvice}. */
@RestController
@RequestMapping("/api/users")
public class UserController {

    private static final Logger log = LoggerFactory.getLogger(UserController.class);

    private final RegisterUserUseCase registerUser;

    public UserController(RegisterUserUseCase registerUser) {
        this.registerUser = registerUser;
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
