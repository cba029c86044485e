package dev.accounts.adapter.in.rest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the {@link ApiDocument}: {@code /openapi.yaml} as written, {@code /openapi.json} for tools (and the docs
 * page) that read JSON only. Bytes, not strings, so no converter re-encodes the document's non-ASCII text.
 */
@RestController
public class ApiDocumentController {

    /** The media type of YAML (RFC 9512). */
    static final String APPLICATION_YAML = "application/yaml";

    private final ApiDocument document;

    public ApiDocumentController(ApiDocument document) {
        this.document = document;
    }

    @GetMapping(path = "/openapi.yaml", produces = APPLICATION_YAML)
    public ResponseEntity<byte[]> yaml() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(APPLICATION_YAML)).body(document.yaml());
    }

    @GetMapping(path = "/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<byte[]> json() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document.json());
    }
}
