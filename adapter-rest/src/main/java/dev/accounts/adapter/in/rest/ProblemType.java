package dev.accounts.adapter.in.rest;

import java.net.URI;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The kinds of problem this API answers with (RFC 9457). The {@code type} URIs are stable relative references
 * that clients may switch on; the README lists them. Each kind has a default detail that names no value from
 * the request, for exceptions whose own message might.
 */
enum ProblemType {

    MALFORMED_REQUEST(400, "/problems/malformed-request", "Malformed request",
            "The request is malformed."),
    INVALID_TOKEN(400, "/problems/invalid-token", "Invalid token",
            "The link is invalid or has expired; ask for a new one."),
    INVALID_CREDENTIALS(401, "/problems/invalid-credentials", "Invalid credentials",
            "The login or the password is wrong."),
    UNAUTHENTICATED(401, "/problems/unauthenticated", "Unauthenticated",
            "This request needs a valid session: send Authorization: Bearer <token> from POST /api/sessions."),
    WRONG_PASSWORD(403, "/problems/wrong-password", "Wrong password",
            "The current password is wrong or missing."),
    ORIGIN_NOT_ALLOWED(403, "/problems/origin-not-allowed", "Origin not allowed",
            "Browsers may not call this API from this origin."),
    FORBIDDEN(403, "/problems/forbidden", "Forbidden",
            "The signed-in user may not do this: it takes an active superuser."),
    NOT_FOUND(404, "/problems/not-found", "Not found",
            "There is no resource at this path."),
    METHOD_NOT_ALLOWED(405, "/problems/method-not-allowed", "Method not allowed",
            "This method is not allowed on this resource; the Allow header lists those that are."),
    NOT_ACCEPTABLE(406, "/problems/not-acceptable", "Not acceptable",
            "This resource answers only with application/json."),
    ALREADY_TAKEN(409, "/problems/already-taken", "Already taken",
            "A value that must be unique is already taken."),
    CANNOT_DEACTIVATE_SELF(409, "/problems/cannot-deactivate-self", "Cannot deactivate yourself",
            "A superuser cannot deactivate their own account; another superuser can."),
    NOT_REQUEUEABLE(409, "/problems/not-requeueable", "Not requeueable",
            "This message carried a single-use link whose token was erased when it was given up on (or this version"
                    + " cannot read it), so it cannot be sent again; the user can ask for a new link."),
    PAYLOAD_TOO_LARGE(413, "/problems/payload-too-large", "Payload too large",
            "The request body is too large."),
    UNSUPPORTED_MEDIA_TYPE(415, "/problems/unsupported-media-type", "Unsupported media type",
            "The request body must be JSON, sent with Content-Type: application/json."),
    VALIDATION_FAILED(422, "/problems/validation-failed", "Validation failed",
            "Some values are invalid; errors lists each field and the rule it broke."),
    TOO_MANY_REQUESTS(429, "/problems/too-many-requests", "Too many requests",
            "Too many requests; try again after the number of seconds in Retry-After."),
    INTERNAL_ERROR(500, "/problems/internal-error", "Internal error",
            "The server failed to handle the request. The failure has been logged."),
    SERVICE_UNAVAILABLE(503, "/problems/service-unavailable", "Service unavailable",
            "The service cannot handle the request right now; try again shortly.");

    private final int status;
    private final URI type;
    private final String title;
    private final String defaultDetail;

    ProblemType(int status, String type, String title, String defaultDetail) {
        this.status = status;
        this.type = URI.create(type);
        this.title = title;
        this.defaultDetail = defaultDetail;
    }

    /**
     * The kinds Spring MVC's own failures are reported as, one per status. The others belong to one use-case
     * failure each and must not stand in for a status in general (a 400 from Spring is not an invalid token).
     */
    private static final Set<ProblemType> GENERIC = EnumSet.of(MALFORMED_REQUEST, NOT_FOUND, METHOD_NOT_ALLOWED,
            NOT_ACCEPTABLE, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, VALIDATION_FAILED, TOO_MANY_REQUESTS,
            INTERNAL_ERROR, SERVICE_UNAVAILABLE);

    static Optional<ProblemType> forStatus(HttpStatusCode status) {
        return GENERIC.stream().filter(kind -> kind.status == status.value()).findFirst();
    }

    int status() {
        return status;
    }

    URI type() {
        return type;
    }

    String title() {
        return title;
    }

    String defaultDetail() {
        return defaultDetail;
    }

    ProblemDetail problem() {
        return problem(defaultDetail);
    }

    ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
