package dev.accounts.adapter.in.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A static HTML page from the class path whose one inline {@code <script>} and one inline {@code <style>} are
 * allowed by their SHA-256 in its Content-Security-Policy, and nothing else is: no other script, no external
 * resource, no framing, and fetches and form posts to this origin only. The hashes are taken from the file as it
 * is served, so editing the page can never leave a stale policy behind.
 */
final class LinkPage {

    private final String html;
    private final String contentSecurityPolicy;

    private LinkPage(String html, String contentSecurityPolicy) {
        this.html = html;
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    /** @throws IllegalStateException when the resource is missing or has not exactly one inline script and style */
    static LinkPage load(String classPathResource) {
        String html = read(classPathResource);
        String script = onlyElement(html, "script", classPathResource);
        String style = onlyElement(html, "style", classPathResource);
        return new LinkPage(html, "default-src 'none'; script-src " + sha256Source(script) + "; style-src "
                + sha256Source(style) + "; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    }

    String html() {
        return html;
    }

    String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    /** A CSP hash source (CSP Level 3 §2.3.1): the base64 SHA-256 of the element's text exactly as written. */
    static String sha256Source(String inlineText) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(inlineText.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(sha) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The text between {@code <name>} and {@code </name>}, which must occur exactly once. */
    static String onlyElement(String html, String name, String source) {
        String open = "<" + name + ">";
        String close = "</" + name + ">";
        int start = html.indexOf(open);
        int end = html.indexOf(close);
        if (start < 0 || end < start || html.indexOf(open, start + 1) >= 0 || html.indexOf("<" + name + " ") >= 0) {
            throw new IllegalStateException(source + " must have exactly one plain <" + name + "> element");
        }
        return html.substring(start + open.length(), end);
    }

    private static String read(String classPathResource) {
        try (InputStream in = LinkPage.class.getClassLoader().getResourceAsStream(classPathResource)) {
            if (in == null) {
                throw new IllegalStateException("missing page " + classPathResource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read page " + classPathResource, e);
        }
    }
}
