package dev.accounts.adapter.in.rest;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The OpenAPI 3.1 document of this API ({@value #RESOURCE}), written by hand in YAML, and the same document in JSON,
 * converted once when it is loaded. It lives next to the controllers it describes; tests check that each mapping is
 * in it and each of its operations is mapped, and the end-to-end suite validates every exchange against it.
 */
public final class ApiDocument {

    static final String RESOURCE = "openapi/openapi.yaml";

    private final byte[] yaml;
    private final byte[] json;

    private ApiDocument(byte[] yaml, byte[] json) {
        this.yaml = yaml;
        this.json = json;
    }

    /** @throws IllegalStateException when the document is missing; a Jackson exception when it is not YAML */
    public static ApiDocument load() {
        byte[] yaml = ClassPathFile.read(RESOURCE);
        JsonNode tree = Objects.requireNonNull(YAMLMapper.builder().build().readTree(yaml), RESOURCE);
        return new ApiDocument(yaml, JsonMapper.builder().build().writeValueAsBytes(tree));
    }

    byte[] yaml() {
        return yaml.clone();
    }

    byte[] json() {
        return json.clone();
    }
}
