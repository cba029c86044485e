package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.AccountView;
import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.ResendVerificationUseCase;
import dev.accounts.application.port.in.VerifyEmailUseCase;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Email verification: using a mailed token (no session needed: the token is the proof), and asking for a fresh
 * link (needs a session).
 */
@RestController
public class EmailVerificationController {

    private static final Logger log = LoggerFactory.getLogger(EmailVerificationController.class);

    private final VerifyEmailUseCase verifyEmail;
    private final ResendVerificationUseCase resendVerification;

    public EmailVerificationController(VerifyEmailUseCase verifyEmail, ResendVerificationUseCase resendVerification) {
        this.verifyEmail = verifyEmail;
        this.resendVerification = resendVerification;
    }

    @PostMapping(path = "/api/email-verifications", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public AccountResponse verify(@Valid @RequestBody EmailVerificationRequest request, ClientAddress client) {
        AccountView account = verifyEmail.verify(request.token(), client.value());
        log.info("email verified: user={} client={}", account.id(), LogSafe.escape(client.value()));
        return AccountResponse.from(account);
    }

    @PostMapping(path = "/api/users/me/email-verification", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<AcceptedResponse> resend(Authenticated current, ClientAddress client) {
        resendVerification.resendVerification(current);
        log.info("verification link requested: user={} client={}", current.userId(), LogSafe.escape(client.value()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(AcceptedResponse.ACCEPTED);
    }
}
