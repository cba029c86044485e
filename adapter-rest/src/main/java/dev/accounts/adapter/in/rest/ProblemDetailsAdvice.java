package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.ForbiddenException;
import dev.accounts.application.port.in.InvalidCredentialsException;
import dev.accounts.application.port.in.InvalidInputException;
import dev.accounts.application.port.in.InvalidTokenException;
import dev.accounts.application.port.in.NotFoundException;
import dev.accounts.application.port.in.TooManyRequestsException;
import dev.accounts.application.port.in.UnauthenticatedException;
import dev.accounts.application.port.in.WrongPasswordException;
import dev.accounts.application.port.in.admin.CannotDeactivateSelfException;
import dev.accounts.application.port.in.admin.MailNotRequeueableException;
import dev.accounts.application.port.out.StoreUnavailableException;
import dev.accounts.domain.user.DuplicateUserException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} answer: the use cases' exceptions
 * here, Spring MVC's own through {@link ResponseEntityExceptionHandler}. Details name fields and rules, never
 * values; a 500 says nothing about its cause, which is logged once, with its stack trace, on the server.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    /** How long a client should wait before retrying when the store is down; short, as outages usually are. */
    static final String RETRY_AFTER_SECONDS = "1";

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final ClientAddressResolver clientAddresses;

    /** @param clientAddresses how requests' client addresses are decided, for the log: the configurer's */
    public ProblemDetailsAdvice(ClientAddressResolver clientAddresses) {
        this.clientAddresses = Objects.requireNonNull(clientAddresses, "clientAddresses");
    }

    @ExceptionHandler(InvalidInputException.class)
    public ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e, HttpServletRequest request) {
        List<ProblemFieldError> errors = e.errors().stream().map(ProblemFieldError::from).toList();
        log.info("rejected {}: invalid {}", describe(request), fieldsOf(errors));
        return answer(validationFailed(errors), new HttpHeaders());
    }

    @ExceptionHandler(DuplicateUserException.class)
    public ResponseEntity<ProblemDetail> duplicate(DuplicateUserException e, HttpServletRequest request) {
        log.info("rejected {}: {} taken", describe(request), AlreadyTakenProblem.field(e));
        return AlreadyTakenProblem.answer(e);
    }

    /** Logged by {@link SessionController}, which knows the login. One answer for every cause, headers included. */
    @ExceptionHandler(InvalidCredentialsException.class)
    public ResponseEntity<ProblemDetail> invalidCredentials(InvalidCredentialsException e) {
        return answer(ProblemType.INVALID_CREDENTIALS.problem(), challenge(BearerCredentials.CHALLENGE));
    }

    @ExceptionHandler(UnauthenticatedException.class)
    public ResponseEntity<ProblemDetail> unauthenticated(UnauthenticatedException e, HttpServletRequest request) {
        String challenge = BearerCredentials.challengeFor(request);
        log.info("rejected {}: no valid session ({})", describe(request),
                challenge.equals(BearerCredentials.CHALLENGE) ? "no bearer token" : "bearer token refused");
        return answer(ProblemType.UNAUTHENTICATED.problem(), challenge(challenge));
    }

    @ExceptionHandler(WrongPasswordException.class)
    public ResponseEntity<ProblemDetail> wrongPassword(WrongPasswordException e, HttpServletRequest request) {
        log.info("rejected {}: wrong or missing current password", describe(request));
        return answer(ProblemType.WRONG_PASSWORD.problem(), new HttpHeaders());
    }

    @ExceptionHandler(ForbiddenException.class)
    public ResponseEntity<ProblemDetail> forbidden(ForbiddenException e, HttpServletRequest request) {
        log.info("rejected {}: not an active superuser", describe(request));
        return answer(ProblemType.FORBIDDEN.problem(), new HttpHeaders());
    }

    @ExceptionHandler(NotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        log.info("rejected {}: no such resource", describe(request));
        return answer(ProblemType.NOT_FOUND.problem(), new HttpHeaders());
    }

    @ExceptionHandler(CannotDeactivateSelfException.class)
    public ResponseEntity<ProblemDetail> cannotDeactivateSelf(CannotDeactivateSelfException e, HttpServletRequest request) {
        log.info("rejected {}: a superuser cannot deactivate themselves", describe(request));
        return answer(ProblemType.CANNOT_DEACTIVATE_SELF.problem(), new HttpHeaders());
    }

    @ExceptionHandler(MailNotRequeueableException.class)
    public ResponseEntity<ProblemDetail> notRequeueable(MailNotRequeueableException e, HttpServletRequest request) {
        log.info("rejected {}: the message cannot be sent again", describe(request));
        return answer(ProblemType.NOT_REQUEUEABLE.problem(), new HttpHeaders());
    }

    /** The message names the parameter and its type, never the value: it is safe to show and to log. */
    @ExceptionHandler(MalformedQueryParameterException.class)
    public ResponseEntity<ProblemDetail> malformedQueryParameter(MalformedQueryParameterException e,
                                                                 HttpServletRequest request) {
        log.info("rejected {}: {}", describe(request), e.getMessage());
        return answer(ProblemType.MALFORMED_REQUEST.problem(e.getMessage()), new HttpHeaders());
    }

    @ExceptionHandler(InvalidTokenException.class)
    public ResponseEntity<ProblemDetail> invalidToken(InvalidTokenException e, HttpServletRequest request) {
        log.info("rejected {}: invalid, used or expired token", describe(request));
        return answer(ProblemType.INVALID_TOKEN.problem(), new HttpHeaders());
    }

    @ExceptionHandler(TooManyRequestsException.class)
    public ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException e, HttpServletRequest request) {
        long seconds = wholeSecondsAtLeastOne(e.retryAfter());
        log.info("rejected {}: too many requests, retry after {} s", describe(request), seconds);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return answer(ProblemType.TOO_MANY_REQUESTS.problem(
                "Too many requests; try again in " + seconds + " second" + (seconds == 1 ? "" : "s") + "."), headers);
    }

    @ExceptionHandler(StoreUnavailableException.class)
    public ResponseEntity<ProblemDetail> storeUnavailable(StoreUnavailableException e, HttpServletRequest request) {
        log.warn("store unavailable during {}", describe(request), e);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return answer(ProblemType.SERVICE_UNAVAILABLE.problem(), headers);
    }

    /**
     * A query string Tomcat cannot decode (a bad percent-escape, say), found when a handler reads a parameter. The
     * message quotes the parameter, so only its status is used: Tomcat's own, 400 unless it says otherwise.
     */
    @ExceptionHandler(InvalidParameterException.class)
    public ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException e, HttpServletRequest request) {
        HttpStatus status = HttpStatus.resolve(e.getErrorCode());
        HttpStatus answered = status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST;
        log.info("rejected {}: undecodable query parameters", describe(request));
        return answer(ProblemType.forStatus(answered).map(ProblemType::problem).orElseGet(() -> ProblemDetail.forStatus(answered)),
                new HttpHeaders());
    }

    /** Anything else is a bug or an outage nobody planned for: the client learns nothing about it. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected failure during {}", describe(request), e);
        return answer(ProblemType.INTERNAL_ERROR.problem(), new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<ProblemFieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new ProblemFieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
                .sorted(Comparator.comparing(ProblemFieldError::field).thenComparing(ProblemFieldError::message))
                .toList();
        return super.handleExceptionInternal(e, validationFailed(errors), headers, HttpStatus.UNPROCESSABLE_CONTENT, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return RequestBodyTooLargeException.findIn(e)
                .map(tooLarge -> super.handleExceptionInternal(e,
                        ProblemType.PAYLOAD_TOO_LARGE.problem(RequestBodyTooLargeException.detail(tooLarge.maxBytes())),
                        headers, HttpStatus.CONTENT_TOO_LARGE, request))
                .orElseGet(() -> super.handleExceptionInternal(e,
                        ProblemType.MALFORMED_REQUEST.problem(UnreadableBody.explain(e.getCause())),
                        headers, status, request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
                                                                         HttpHeaders headers, HttpStatusCode status,
                                                                         WebRequest request) {
        // Spring's version logs the client's method verbatim; the Allow header says all the client needs.
        return handleExceptionInternal(e, null, headers, status, request);
    }

    /**
     * Where Spring's handlers end up. Their problems carry Spring's wording, which can quote request headers;
     * they are replaced by this API's problem for the status, so every answer looks the same.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError() && status.value() != HttpStatus.SERVICE_UNAVAILABLE.value()) {
            log.error("unexpected failure during {}", describe(request), e);
        }
        ProblemDetail problem = ProblemType.forStatus(status)
                .map(ProblemType::problem)
                .orElseGet(() -> ProblemDetail.forStatus(status));
        return super.handleExceptionInternal(e, problem, headers, status, request);
    }

    /**
     * Every problem goes out as {@code application/problem+json} whatever the request's {@code Accept} says. Left to
     * content negotiation, an {@code Accept} Spring cannot parse (or one with too many entries) makes it drop the
     * body of an error answer and send the bare status instead.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        HttpHeaders problemHeaders = HttpHeaders.copyOf(headers);
        if (body instanceof ProblemDetail) {
            problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return super.createResponseEntity(body, problemHeaders, status, request);
    }

    private static ProblemDetail validationFailed(List<ProblemFieldError> errors) {
        ProblemDetail problem = ProblemType.VALIDATION_FAILED.problem("Invalid " + fieldsOf(errors) + ".");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static HttpHeaders challenge(String challenge) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return headers;
    }

    /** Retry-After counts whole seconds (RFC 9110 §10.2.3); rounding down could invite a retry that is still too early. */
    private static long wholeSecondsAtLeastOne(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private static String fieldsOf(List<ProblemFieldError> errors) {
        return String.join(", ", errors.stream().map(ProblemFieldError::field).distinct().toList());
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private String describe(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? describe(servlet.getRequest()) : "a request";
    }

    private String describe(HttpServletRequest request) {
        String user = request.getAttribute(AuthenticatedArgumentResolver.REQUEST_ATTRIBUTE) instanceof Authenticated current
                ? " user=" + current.userId() : "";
        return LogSafe.escape(request.getMethod()) + " " + LogSafe.escape(request.getRequestURI())
                + " from " + LogSafe.escape(clientAddresses.resolve(request)) + user;
    }
}
