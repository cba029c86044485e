package dev.accounts.adapter.in.rest;

import dev.accounts.domain.user.DuplicateUserException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The 409 for a username or address another user has: one wording wherever it is answered. */
final class AlreadyTakenProblem {

    private AlreadyTakenProblem() {
    }

    /** {@code username} or {@code email}: the request field that is taken, as the log and the problem name it. */
    static String field(DuplicateUserException e) {
        return e.attribute().name().toLowerCase(Locale.ROOT);
    }

    static ResponseEntity<ProblemDetail> answer(DuplicateUserException e) {
        String field = field(e);
        ProblemDetail problem = ProblemType.ALREADY_TAKEN.problem("The " + field + " is already taken.");
        problem.setProperty("errors", List.of(new ProblemFieldError(field, "is already taken")));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
