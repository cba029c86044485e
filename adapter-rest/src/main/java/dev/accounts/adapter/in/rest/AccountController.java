package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.AccountView;
import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.ChangePasswordUseCase;
import dev.accounts.application.port.in.GetAccountUseCase;
import dev.accounts.application.port.in.UpdateAccountUseCase;
import dev.accounts.application.port.in.UpdateProfileUseCase;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/users/me}: the signed-in user's own account, profile and password. Every handler needs a session. */
@RestController
@RequestMapping("/api/users/me")
public class AccountController {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private static final Logger log = LoggerFactory.getLogger(AccountController.class);

    private final GetAccountUseCase getAccount;
    private final UpdateAccountUseCase updateAccount;
    private final UpdateProfileUseCase updateProfile;
    private final ChangePasswordUseCase changePassword;

    public AccountController(GetAccountUseCase getAccount, UpdateAccountUseCase updateAccount,
                             UpdateProfileUseCase updateProfile, ChangePasswordUseCase changePassword) {
        this.getAccount = getAccount;
        this.updateAccount = updateAccount;
        this.updateProfile = updateProfile;
        this.changePassword = changePassword;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public AccountResponse account(Authenticated current) {
        return AccountResponse.from(getAccount.getAccount(current));
    }

    @PatchMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH_JSON}, produces = MediaType.APPLICATION_JSON_VALUE)
    public AccountResponse update(Authenticated current, @Valid @RequestBody UpdateAccountRequest request,
                                  ClientAddress client) {
        AccountView account = updateAccount.update(request.toCommand(current));
        log.info("account updated: user={} changed={} client={}", current.userId(), changed(request),
                LogSafe.escape(client.value()));
        return AccountResponse.from(account);
    }

    @PatchMapping(path = "/profile", consumes = {MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH_JSON},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public AccountResponse updateProfile(Authenticated current, @RequestBody UpdateProfileRequest request) {
        return AccountResponse.from(updateProfile.updateProfile(request.toCommand(current)));
    }

    @PutMapping(path = "/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Void> changePassword(Authenticated current, @Valid @RequestBody ChangePasswordRequest request,
                                               ClientAddress client) {
        changePassword.changePassword(request.toCommand(current));
        log.info("password changed: user={} client={}", current.userId(), LogSafe.escape(client.value()));
        return ResponseEntity.noContent().build();
    }

    /** Names, never values: an address is personal data, and the log does not need it. */
    private static String changed(UpdateAccountRequest request) {
        List<String> fields = new ArrayList<>();
        if (request.username() != null) {
            fields.add("username");
        }
        if (request.email() != null) {
            fields.add("pendingEmail");
        }
        return fields.isEmpty() ? "nothing" : String.join(",", fields);
    }
}
