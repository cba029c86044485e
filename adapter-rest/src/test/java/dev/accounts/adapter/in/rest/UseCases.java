package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.AuthenticateUseCase;
import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.ChangePasswordUseCase;
import dev.accounts.application.port.in.CheckReadinessUseCase;
import dev.accounts.application.port.in.GetAccountUseCase;
import dev.accounts.application.port.in.LogInUseCase;
import dev.accounts.application.port.in.LogOutUseCase;
import dev.accounts.application.port.in.RegisterUserPrivatelyUseCase;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.in.RequestPasswordResetUseCase;
import dev.accounts.application.port.in.ResendVerificationUseCase;
import dev.accounts.application.port.in.ResetPasswordUseCase;
import dev.accounts.application.port.in.UnauthenticatedException;
import dev.accounts.application.port.in.UpdateAccountUseCase;
import dev.accounts.application.port.in.UpdateProfileUseCase;
import dev.accounts.application.port.in.VerifyEmailUseCase;
import dev.accounts.application.port.in.admin.DeactivateUserUseCase;
import dev.accounts.application.port.in.admin.GetUserUseCase;
import dev.accounts.application.port.in.admin.ListDeadMailUseCase;
import dev.accounts.application.port.in.admin.ListUsersUseCase;
import dev.accounts.application.port.in.admin.ReactivateUserUseCase;
import dev.accounts.application.port.in.admin.RequeueMailUseCase;
import dev.accounts.application.fixtures.Users;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import dev.accounts.domain.user.Username;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The in-ports behind the API in a test. Each is a field a test replaces with a lambda or a real service; until
 * then it refuses to run (and the request ends in a 500). Every call is recorded by name, so a test can prove a
 * use case was not reached. Controllers look the fields up at call time: a test may set them after building MockMvc.
 * Authentication accepts exactly the tokens {@link #signIn(UserId)} handed out, from any client address, unless
 * replaced too.
 */
final class UseCases {

    private final Map<String, Authenticated> sessions = new ConcurrentHashMap<>();
    private final Map<String, Authenticated> lastAuthenticated = new ConcurrentHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    RegisterUserUseCase registerUser = command -> unexpected();
    RegisterUserPrivatelyUseCase registerUserPrivately = command -> unexpected();
    CheckReadinessUseCase readiness = () -> true;
    AuthenticateUseCase authenticate = this::knownSession;
    LogInUseCase logIn = command -> unexpected();
    LogOutUseCase logOut = current -> unexpected();
    GetAccountUseCase getAccount = current -> unexpected();
    UpdateAccountUseCase updateAccount = command -> unexpected();
    UpdateProfileUseCase updateProfile = command -> unexpected();
    ChangePasswordUseCase changePassword = command -> unexpected();
    VerifyEmailUseCase verifyEmail = (token, clientAddress) -> unexpected();
    ResendVerificationUseCase resendVerification = current -> unexpected();
    RequestPasswordResetUseCase requestPasswordReset = (email, clientAddress) -> unexpected();
    ResetPasswordUseCase resetPassword = command -> unexpected();
    ListUsersUseCase listUsers = query -> unexpected();
    GetUserUseCase getUser = (current, id) -> unexpected();
    DeactivateUserUseCase deactivateUser = (current, id) -> unexpected();
    ReactivateUserUseCase reactivateUser = (current, id) -> unexpected();
    ListDeadMailUseCase listDeadMail = query -> unexpected();
    RequeueMailUseCase requeueMail = (current, id) -> unexpected();

    /** A bearer token the default authentication accepts, for this user. */
    String signIn(UserId userId) {
        SecretToken token = SecretToken.generate();
        User account = User.register(userId, new Username("signed_in"), new EmailAddress("signed.in@example.com"),
                Users.UNMATCHABLE_HASH, Instant.now());
        sessions.put(token.reveal(), new Authenticated(account, Profile.EMPTY, token.digest(), null));
        return token.reveal();
    }

    /** The user behind the token as the default authentication last gave it to a handler, client address included. */
    Authenticated sessionOf(String token) {
        return lastAuthenticated.getOrDefault(token, sessions.get(token));
    }

    /** The names of the use cases called so far, in order ("logIn", "updateAccount", ...). */
    List<String> calls() {
        return List.copyOf(calls);
    }

    UserController userController(RestSettings settings) {
        return new UserController(command -> record("registerUser", () -> registerUser.register(command)),
                command -> record("registerUserPrivately", () -> {
                    registerUserPrivately.register(command);
                    return null;
                }),
                current -> record("getAccount", () -> getAccount.getAccount(current)),
                settings);
    }

    HealthController healthController() {
        return new HealthController(() -> readiness.isReady());
    }

    SessionController sessionController() {
        return new SessionController(
                command -> record("logIn", () -> logIn.logIn(command)),
                current -> record("logOut", () -> {
                    logOut.logOut(current);
                    return null;
                }));
    }

    AccountController accountController() {
        return new AccountController(
                current -> record("getAccount", () -> getAccount.getAccount(current)),
                command -> record("updateAccount", () -> updateAccount.update(command)),
                command -> record("updateProfile", () -> updateProfile.updateProfile(command)),
                command -> record("changePassword", () -> {
                    changePassword.changePassword(command);
                    return null;
                }));
    }

    EmailVerificationController emailVerificationController() {
        return new EmailVerificationController(
                (token, clientAddress) -> record("verifyEmail", () -> verifyEmail.verify(token, clientAddress)),
                current -> record("resendVerification", () -> {
                    resendVerification.resendVerification(current);
                    return null;
                }));
    }

    PasswordResetController passwordResetController() {
        return new PasswordResetController(
                (email, clientAddress) -> record("requestPasswordReset", () -> {
                    requestPasswordReset.requestPasswordReset(email, clientAddress);
                    return null;
                }),
                command -> record("resetPassword", () -> {
                    resetPassword.resetPassword(command);
                    return null;
                }));
    }

    AdminUserController adminUserController() {
        return new AdminUserController(
                query -> record("listUsers", () -> listUsers.listUsers(query)),
                (current, id) -> record("getUser", () -> getUser.getUser(current, id)),
                (current, id) -> record("deactivateUser", () -> deactivateUser.deactivate(current, id)),
                (current, id) -> record("reactivateUser", () -> reactivateUser.reactivate(current, id)));
    }

    AdminMailController adminMailController() {
        return new AdminMailController(
                query -> record("listDeadMail", () -> listDeadMail.listDeadMail(query)),
                (current, id) -> record("requeueMail", () -> {
                    requeueMail.requeue(current, id);
                    return null;
                }));
    }

    AuthenticateUseCase authentication() {
        return (token, clientAddress) -> record("authenticate", () -> authenticate.authenticate(token, clientAddress));
    }

    private Authenticated knownSession(String token, String clientAddress) {
        Authenticated signedIn = sessions.get(token);
        if (signedIn == null) {
            throw new UnauthenticatedException();
        }
        Authenticated current = new Authenticated(signedIn.account(), signedIn.profile(), signedIn.session(),
                clientAddress);
        lastAuthenticated.put(token, current);
        return current;
    }

    private <T> T record(String name, Supplier<T> call) {
        calls.add(name);
        return call.get();
    }

    private static <T> T unexpected() {
        throw new UnsupportedOperationException("this use case is not expected to be called in this test");
    }
}
