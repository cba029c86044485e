package dev.accounts.adapter.in.rest;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report for the errors Tomcat answers itself: requests it refuses before any filter runs (a
 * malformed or ambiguous URI, say) and failures that escape the application. Instead of Tomcat's HTML page, the
 * answer is this API's problem for the status, with the {@link SecurityHeaders}, like every other answer.
 *
 * <p>Install it as the host's error report valve: add it to the host's pipeline and name its class in
 * {@code StandardHost.setErrorReportValveClass}, or the host adds Tomcat's own next to it.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    private final SecurityHeaders headers;

    /** @param https whether clients reach the service over https (its public URL), which turns on HSTS */
    public ProblemErrorReportValve(boolean https) {
        this.headers = new SecurityHeaders(https);
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // The same conditions as Tomcat's own report: an error, nothing written yet, not reported before.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            headers.applyTo(response);
            response.setContentType(FixedProblem.CONTENT_TYPE);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(FixedProblem.forStatus(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone or the response cannot take a body any more: there is nobody left to tell.
        }
    }
}
