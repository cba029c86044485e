package dev.accounts.bootstrap;

import dev.accounts.application.port.in.CreateSuperuserUseCase;
import dev.accounts.application.port.in.RegisterUserCommand;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The accounts the bad-input test aims at, made through the API before it starts: a signed-in user whose own
 * endpoints are fuzzed, a user whose name and address are taken, a pool of sessions to log out, live mailed
 * tokens, so that bad requests can carry a good token beside their bad parts (and must not use it up), and a
 * signed-in superuser with an account of its own to deactivate.
 */
final class FuzzedAccounts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([^;\"\\s]+)", Pattern.CASE_INSENSITIVE);

    private final AtomicLong serial = new AtomicLong();
    private final String run = Long.toString(System.nanoTime() % 1_000_000, 36);

    private volatile String username;
    private volatile String password;
    private final String email;
    private final String id;
    private final String session;
    private final String takenUsername;
    private final String takenEmail;
    private final String otherId;
    private final List<String> logoutPool = new CopyOnWriteArrayList<>();
    private final List<String> verificationTokens;
    private final List<String> resetTokens;
    private final List<String> knownEmails;
    private final String superuserSession;
    private final String superuserId;
    private final String adminTargetId;

    private FuzzedAccounts(ServiceWithMail accounts) throws Exception {
        RunningService service = accounts.service();
        username = freshUsername();
        email = freshEmail();
        password = freshPassword();
        id = register(service, username, email, password);
        session = logIn(service, email, password);

        takenUsername = freshUsername();
        takenEmail = freshEmail();
        otherId = register(service, takenUsername, takenEmail, freshPassword());

        String leaver = freshEmail();
        String leaverPassword = freshPassword();
        register(service, freshUsername(), leaver, leaverPassword);
        for (int i = 0; i < 6; i++) {
            logoutPool.add(logIn(service, leaver, leaverPassword));
        }

        List<String> verifying = List.of(freshEmail(), freshEmail(), freshEmail());
        List<String> resetting = List.of(freshEmail(), freshEmail(), freshEmail());
        for (String address : verifying) {
            register(service, freshUsername(), address, freshPassword());
        }
        for (String address : resetting) {
            register(service, freshUsername(), address, freshPassword());
            service.postJson("/api/password-resets", Map.of("email", address));
        }
        verificationTokens = new CopyOnWriteArrayList<>();
        for (String address : verifying) {
            verificationTokens.add(Mailbox.link(accounts.mailbox().await(address, "Welcome")).token());
        }
        resetTokens = new CopyOnWriteArrayList<>();
        for (String address : resetting) {
            resetTokens.add(Mailbox.link(accounts.mailbox().await(address, "Reset your")).token());
        }
        knownEmails = List.of(email, takenEmail, verifying.getFirst(), resetting.getFirst());

        // Superusers are made on the host, never over HTTP; the admin endpoints are fuzzed with one's session.
        String adminEmail = freshEmail();
        String adminPassword = freshPassword();
        superuserId = service.bean(CreateSuperuserUseCase.class)
                .createSuperuser(new RegisterUserCommand(freshUsername(), adminEmail, adminPassword)).id().toString();
        superuserSession = logIn(service, adminEmail, adminPassword);
        // The one account admin requests may deactivate: the others' sessions must live on.
        adminTargetId = register(service, freshUsername(), freshEmail(), freshPassword());
    }

    static FuzzedAccounts create(ServiceWithMail accounts) throws Exception {
        return new FuzzedAccounts(accounts);
    }

    String freshUsername() {
        return "fz_" + run + "_" + serial.incrementAndGet();
    }

    String freshEmail() {
        return "fz." + run + "." + serial.incrementAndGet() + "@example.com";
    }

    /** Long, not common, and holding neither a username nor an address of these accounts. */
    String freshPassword() {
        return "quiet harbour lantern " + serial.incrementAndGet();
    }

    String username() {
        return username;
    }

    String email() {
        return email;
    }

    String password() {
        return password;
    }

    String id() {
        return id;
    }

    String session() {
        return session;
    }

    String takenUsername() {
        return takenUsername;
    }

    String takenEmail() {
        return takenEmail;
    }

    String otherId() {
        return otherId;
    }

    List<String> knownEmails() {
        return knownEmails;
    }

    /** A session to log out while any is left; then a dead one, as every logged-out token is. */
    String leavingSession() {
        return logoutPool.isEmpty() ? "A".repeat(43) : logoutPool.getFirst();
    }

    String superuserSession() {
        return superuserSession;
    }

    String superuserId() {
        return superuserId;
    }

    String adminTargetId() {
        return adminTargetId;
    }

    List<String> verificationTokens() {
        return verificationTokens;
    }

    List<String> resetTokens() {
        return resetTokens;
    }

    /** A logout succeeded: the sessions it named are gone. */
    void loggedOut(List<String> authorizationHeaders) {
        logoutPool.removeIf(token -> authorizationHeaders.stream().anyMatch(header -> header.contains(token)));
    }

    /** The user's account changed: the answer holds its new username. */
    void accountChanged(byte[] answer) {
        JsonNode account = JSON.readTree(answer);
        username = account.path("username").asString(username);
    }

    /**
     * The password change succeeded, so the body held the new password, read as the server read it (in the
     * charset the request declared). When that cannot be worked out, later requests just send a wrong password.
     */
    void passwordChanged(byte[] body, List<String> contentTypes) {
        try {
            Charset charset = StandardCharsets.UTF_8;
            Matcher declared = CHARSET.matcher(contentTypes.isEmpty() ? "" : contentTypes.getFirst());
            if (declared.find()) {
                charset = Charset.forName(declared.group(1));
            }
            password = JSON.readTree(new String(body, charset)).path("newPassword").asString(password);
        } catch (RuntimeException e) {
            System.out.println("bad input: could not tell the new password; later requests send a wrong one");
        }
    }

    private static String register(RunningService service, String username, String email, String password) {
        HttpResponse<String> response = service.postJson("/api/users",
                Map.of("username", username, "email", email, "password", password));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("could not register " + username + ": " + response.statusCode() + " " + response.body());
        }
        return RunningService.json(response).get("id").asString();
    }

    private static String logIn(RunningService service, String login, String password) {
        HttpResponse<String> response = service.postJson("/api/sessions", Map.of("login", login, "password", password));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("could not log in: " + response.statusCode() + " " + response.body());
        }
        return RunningService.json(response).get("token").asString();
    }
}
