package dev.accounts.adapter.in.rest;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.CoyoteAdapter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;

/**
 * Tomcat's bridge from the connector to the container, with a problem for the errors it answers without ever
 * reaching the host, and so without the {@link ProblemErrorReportValve}. One request does that: {@code OPTIONS *}
 * (RFC 9112 §3.2.4), which Tomcat answers in the bridge itself. When that request is also malformed (a header
 * Tomcat refused, say), Tomcat's answer is a 400 with an empty body; this bridge writes the problem and the
 * {@link SecurityHeaders} into it, as the valve does for every other error.
 *
 * <p>Install it with {@link #installOn}, before the connector starts.
 */
public final class ProblemCoyoteAdapter extends CoyoteAdapter {

    private final SecurityHeaders headers;

    private ProblemCoyoteAdapter(Connector connector, boolean https) {
        super(connector);
        this.headers = new SecurityHeaders(https);
    }

    /**
     * Makes the connector hand its requests to this bridge. The connector builds its own bridge when it initialises
     * and the protocol reads it when it opens each connection, so the swap happens between the two.
     *
     * @param https whether clients reach the service over https (its public URL), which turns on HSTS
     */
    public static void installOn(Connector connector, boolean https) {
        connector.addLifecycleListener(event -> {
            if (Lifecycle.AFTER_INIT_EVENT.equals(event.getType())) {
                connector.getProtocolHandler().setAdapter(new ProblemCoyoteAdapter(connector, https));
            }
        });
    }

    @Override
    protected boolean postParseRequest(org.apache.coyote.Request coyoteRequest, Request request,
            org.apache.coyote.Response coyoteResponse, Response response) throws IOException, ServletException {
        boolean reachesTheHost = super.postParseRequest(coyoteRequest, request, coyoteResponse, response);
        int status = coyoteResponse.getStatus();
        if (!reachesTheHost && status >= 400 && !response.isCommitted() && response.getContentWritten() == 0) {
            headers.applyTo(response);
            byte[] problem = FixedProblem.forStatus(status).getBytes(StandardCharsets.UTF_8);
            response.setContentType(FixedProblem.CONTENT_TYPE);
            response.setContentLength(problem.length);
            response.getOutputStream().write(problem);
        }
        return reachesTheHost;
    }
}
