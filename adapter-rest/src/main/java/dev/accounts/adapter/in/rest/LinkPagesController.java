package dev.accounts.adapter.in.rest;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pages that links in mails open. A GET only serves a page; the page's own script reads the token from the
 * address bar and POSTs it when the user presses the button or submits the form. So link scanners that fetch
 * every URL in a mail cannot use up a token, and the server never reads the token from a URL nor writes it into
 * a page. Nothing here calls a use case.
 */
@RestController
public class LinkPagesController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final LinkPage verifyEmail = LinkPage.load("static/verify-email.html");
    private final LinkPage resetPassword = LinkPage.load("static/reset-password.html");

    @GetMapping(path = "/verify-email", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> verifyEmail() {
        return serve(verifyEmail);
    }

    @GetMapping(path = "/reset-password", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> resetPassword() {
        return serve(resetPassword);
    }

    private static ResponseEntity<String> serve(LinkPage page) {
        return ResponseEntity.ok()
                .contentType(HTML)
                .header("Content-Security-Policy", page.contentSecurityPolicy())
                // The address holds a token: it must not leave in a Referer, nor stay in a cache.
                .header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(page.html());
    }
}
