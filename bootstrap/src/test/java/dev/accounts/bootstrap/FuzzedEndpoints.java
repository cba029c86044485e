package dev.accounts.bootstrap;

import dev.accounts.bootstrap.badinput.Endpoint;
import dev.accounts.bootstrap.badinput.Field;
import dev.accounts.bootstrap.badinput.QueryStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Every endpoint of the service (the README's API section and adapter-rest's controllers), each with the fields of
 * its body and where good values for them come from: the {@link FuzzedAccounts}' names, passwords, sessions and
 * tokens, or fresh ones.
 */
final class FuzzedEndpoints {

    private FuzzedEndpoints() {
    }

    static List<Endpoint> all(FuzzedAccounts accounts) {
        List<Endpoint> endpoints = new ArrayList<>();
        Supplier<String> me = accounts::session;
        Supplier<Object> freshName = accounts::freshUsername;
        Supplier<Object> freshEmail = accounts::freshEmail;
        Supplier<Object> freshPassword = accounts::freshPassword;
        Supplier<Object> realPassword = accounts::password;

        endpoints.add(Endpoint.of("POST", "/api/users",
                Field.choosing("username", freshName, freshName, freshName, accounts::takenUsername),
                Field.choosing("email", freshEmail, freshEmail, freshEmail, accounts::takenEmail,
                        () -> accounts.takenEmail().toUpperCase(Locale.ROOT)),
                Field.choosing("password", freshPassword, () -> "password1234", () -> "short")));
        endpoints.add(Endpoint.of("GET", "/api/users/{id}").withSession(me).withPaths(Generate.pick(List.of(
                "/api/users/" + accounts.id(), "/api/users/" + accounts.otherId(), "/api/users/" + UUID.randomUUID(),
                "/api/users/" + accounts.id().toUpperCase(Locale.ROOT), "/api/users/not-a-uuid", "/api/users/%00",
                "/api/users/..%2f..%2fhealth", "/api/users/" + "9".repeat(5_000), "/api/users/%ff%fe", "/api/users/'%20OR%201=1"))));
        endpoints.add(Endpoint.of("POST", "/api/sessions",
                Field.choosing("login", accounts::email, accounts::username,
                        () -> accounts.email().toUpperCase(Locale.ROOT), freshName),
                Field.choosing("password", realPassword, realPassword, freshPassword)));
        endpoints.add(Endpoint.of("DELETE", "/api/sessions/current").withSession(accounts::leavingSession)
                .onSuccess(exchange -> accounts.loggedOut(exchange.request().header("Authorization"))));
        endpoints.add(Endpoint.of("GET", "/api/users/me").withSession(me));
        endpoints.add(Endpoint.of("PATCH", "/api/users/me",
                        Field.choosing("username", freshName, accounts::username, accounts::takenUsername),
                        Field.choosing("email", freshEmail, accounts::takenEmail, accounts::email),
                        Field.choosing("currentPassword", realPassword, realPassword, freshPassword))
                .withSession(me)
                .onSuccess(exchange -> exchange.response().ifPresent(answer -> accounts.accountChanged(answer.body()))));
        endpoints.add(Endpoint.of("PATCH", "/api/users/me/profile",
                Field.choosing("fullName", () -> "Fuzz " + accounts.freshUsername(), () -> null),
                Field.choosing("bio", () -> "A bio, " + accounts.freshUsername(), () -> null)).withSession(me));
        endpoints.add(Endpoint.of("PUT", "/api/users/me/password",
                        Field.choosing("currentPassword", realPassword, realPassword, freshPassword),
                        Field.choosing("newPassword", freshPassword, () -> "password1234", accounts::username))
                .withSession(me)
                .onSuccess(exchange -> accounts.passwordChanged(exchange.request().payload(),
                        exchange.request().header("Content-Type"))));
        endpoints.add(Endpoint.of("POST", "/api/email-verifications",
                new Field("token", Generate.pick(accounts.verificationTokens()).map(token -> (Object) token))));
        endpoints.add(Endpoint.of("POST", "/api/users/me/email-verification").withSession(me));
        endpoints.add(Endpoint.of("POST", "/api/password-resets",
                new Field("email", Generate.pick(accounts.knownEmails()).map(address -> (Object) address)
                        .mix(in -> accounts.freshEmail()))));
        endpoints.add(Endpoint.of("POST", "/api/password-resets/confirm",
                new Field("token", Generate.pick(accounts.resetTokens()).map(token -> (Object) token)),
                Field.choosing("newPassword", freshPassword, () -> "password1234", () -> "")));
        // The pages' script reads the token from the address; the server must never act on it (nor echo it).
        endpoints.add(Endpoint.of("GET", "/verify-email")
                .withPaths(in -> "/verify-email?token=" + accounts.verificationTokens().getFirst()));
        endpoints.add(Endpoint.of("GET", "/reset-password")
                .withPaths(in -> "/reset-password?token=" + accounts.resetTokens().getFirst()));
        endpoints.add(Endpoint.of("GET", "/health/live"));
        endpoints.add(Endpoint.of("GET", "/health/ready"));
        endpoints.add(Endpoint.of("GET", "/metrics"));
        endpoints.add(Endpoint.of("GET", "/docs"));
        endpoints.add(Endpoint.of("GET", "/openapi.json"));
        endpoints.add(Endpoint.of("GET", "/openapi.yaml"));
        for (Endpoint admin : adminEndpoints(accounts)) {
            endpoints.add(admin.withSession(accounts::superuserSession).named(admin.name() + " (superuser)"));
            endpoints.add(admin.withSession(accounts::session).named(admin.name() + " (user)"));
        }
        return endpoints;
    }

    /** The admin API; each is asked by a superuser and by a user who is none (403). */
    private static List<Endpoint> adminEndpoints(FuzzedAccounts accounts) {
        List<String> userIds = List.of(accounts.adminTargetId(), accounts.superuserId(), UUID.randomUUID().toString(),
                "not-a-uuid", "%00", accounts.adminTargetId().toUpperCase(Locale.ROOT), "9".repeat(5_000));
        Gen<String> userPaths = Generate.pick(userIds).map(id -> "/api/admin/users/" + id);
        return List.of(
                Endpoint.of("GET", "/api/admin/users").withPaths(QueryStrings.forParameters("/api/admin/users", Map.of(
                        "q", List.of("fz", "example.com", ""), "verified", List.of("true", "false"),
                        "active", List.of("true", "false"), "cursor", List.of("", "MA", "eyJ9"), "limit", List.of("1", "50", "100")))),
                Endpoint.of("GET", "/api/admin/users/{id}").withPaths(userPaths),
                Endpoint.of("POST", "/api/admin/users/{id}/deactivate").withPaths(userPaths.map(path -> path + "/deactivate")),
                Endpoint.of("POST", "/api/admin/users/{id}/reactivate").withPaths(userPaths.map(path -> path + "/reactivate")),
                Endpoint.of("GET", "/api/admin/mail/dead").withPaths(QueryStrings.forParameters("/api/admin/mail/dead",
                        Map.of("cursor", List.of("", "MA", "eyJ9"), "limit", List.of("1", "50", "100")))),
                Endpoint.of("POST", "/api/admin/mail/{id}/requeue").withPaths(Generate.pick(List.of(
                        UUID.randomUUID().toString(), "not-a-uuid", "%00", "1")).map(id -> "/api/admin/mail/" + id + "/requeue")));
    }
}
