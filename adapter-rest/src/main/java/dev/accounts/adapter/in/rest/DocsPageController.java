package dev.accounts.adapter.in.rest;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /docs}: Swagger UI showing {@code /openapi.json}, from files this service serves itself
 * ({@link DocsPageAssets}), so it works offline and behind any firewall.
 *
 * <p>Only this page gets a policy that lets scripts, styles, images and requests come from this origin: the API's own
 * {@code default-src 'none'} would stop Swagger UI from running at all. Still no inline script (the initialiser is a
 * file of its own), no {@code eval}, no other origin, no framing; {@code data:} images because Swagger UI's style
 * sheet draws its icons with them.
 */
@RestController
public class DocsPageController {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final String page = new String(ClassPathFile.read("static/docs/index.html"), StandardCharsets.UTF_8);

    @GetMapping(path = "/docs", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page() {
        return ResponseEntity.ok()
                .contentType(HTML)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .body(page);
    }
}
