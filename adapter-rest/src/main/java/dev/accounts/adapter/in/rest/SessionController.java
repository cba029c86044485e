package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.InvalidCredentialsException;
import dev.accounts.application.port.in.LogInUseCase;
import dev.accounts.application.port.in.LogOutUseCase;
import dev.accounts.application.port.in.NewSession;
import dev.accounts.domain.user.InvalidValueException;
import dev.accounts.domain.user.SecretToken;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/sessions}: log in for a bearer token, log out to kill it. */
@RestController
@RequestMapping("/api/sessions")
public class SessionController {

    private static final Logger log = LoggerFactory.getLogger(SessionController.class);

    private final LogInUseCase logIn;
    private final LogOutUseCase logOut;

    public SessionController(LogInUseCase logIn, LogOutUseCase logOut) {
        this.logIn = logIn;
        this.logOut = logOut;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SessionResponse> logIn(@Valid @RequestBody LogInRequest request, ClientAddress client) {
        NewSession session;
        try {
            session = logIn.logIn(request.toCommand(client));
        } catch (InvalidCredentialsException e) {
            log.info("login failed: login={} client={}", LogSafe.escape(request.login()), LogSafe.escape(client.value()));
            throw e;
        }
        log.info("login succeeded: session={} client={}", shortForm(session), LogSafe.escape(client.value()));
        // A bearer token must not stay in any cache (RFC 6749 §5.1).
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(SessionResponse.from(session));
    }

    @DeleteMapping("/current")
    public ResponseEntity<Void> logOut(Authenticated current, ClientAddress client) {
        logOut.logOut(current);
        log.info("logout: user={} session={} client={}", current.userId(), current.session().shortForm(),
                LogSafe.escape(client.value()));
        return ResponseEntity.noContent().build();
    }

    /**
     * {@link NewSession} does not name its user; the digest's first digits tie this line to the user's later
     * requests without being any use for finding the token.
     */
    private static String shortForm(NewSession session) {
        try {
            return SecretToken.parse(session.token()).digest().shortForm();
        } catch (InvalidValueException e) {
            return "unknown";
        }
    }
}
