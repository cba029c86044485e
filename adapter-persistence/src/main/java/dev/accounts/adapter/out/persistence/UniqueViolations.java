package dev.accounts.adapter.out.persistence;

import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Reads which unique constraint or index a failed statement broke, from PostgreSQL's own error report. */
final class UniqueViolations {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {
    }

    /** The name of the unique constraint or index the failure reports, if it is a unique violation. */
    static Optional<String> constraintName(Throwable failure) {
        return Causes.of(failure)
                .filter(cause -> cause instanceof PSQLException psql && UNIQUE_VIOLATION.equals(psql.getSQLState()))
                .findFirst()
                .map(cause -> ((PSQLException) cause).getServerErrorMessage())
                .map(ServerErrorMessage::getConstraint);
    }
}
