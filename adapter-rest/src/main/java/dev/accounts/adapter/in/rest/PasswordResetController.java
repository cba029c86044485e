package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.RequestPasswordResetUseCase;
import dev.accounts.application.port.in.ResetPasswordUseCase;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/password-resets}: asking for a reset link, and setting a new password with it. Neither needs a
 * session. The request is answered alike whether or not the address has an account, so the log does not name it.
 */
@RestController
@RequestMapping("/api/password-resets")
public class PasswordResetController {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetController.class);

    private final RequestPasswordResetUseCase requestPasswordReset;
    private final ResetPasswordUseCase resetPassword;

    public PasswordResetController(RequestPasswordResetUseCase requestPasswordReset, ResetPasswordUseCase resetPassword) {
        this.requestPasswordReset = requestPasswordReset;
        this.resetPassword = resetPassword;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<AcceptedResponse> request(@Valid @RequestBody PasswordResetRequest request, ClientAddress client) {
        requestPasswordReset.requestPasswordReset(request.email(), client.value());
        log.info("password reset requested: client={}", LogSafe.escape(client.value()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(AcceptedResponse.ACCEPTED);
    }

    @PostMapping(path = "/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Void> confirm(@Valid @RequestBody ConfirmPasswordResetRequest request, ClientAddress client) {
        resetPassword.resetPassword(request.toCommand(client));
        log.info("password reset completed: client={}", LogSafe.escape(client.value()));
        return ResponseEntity.noContent().build();
    }
}
