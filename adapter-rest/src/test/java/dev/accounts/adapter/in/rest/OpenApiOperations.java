package dev.accounts.adapter.in.rest;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The operations the OpenAPI document describes, as {@code "GET /api/users/{id}"}. An operation that a controller of
 * another module maps (the composition root's {@code /metrics}) says so with {@code x-served-by}; the end-to-end
 * suite checks those against the running service.
 */
final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OpenApiOperations() {
    }

    static JsonNode document() {
        return YAMLMapper.builder().build().readTree(ClassPathFile.read(ApiDocument.RESOURCE));
    }

    /** The operations this module's controllers must map: all but those marked {@code x-served-by} another module. */
    static Set<String> servedByThisModule(JsonNode document) {
        return of(document, false);
    }

    /** The operations marked {@code x-served-by} a module other than this one (bootstrap's {@code /metrics}). */
    static Set<String> servedElsewhere(JsonNode document) {
        return of(document, true);
    }

    private static Set<String> of(JsonNode document, boolean elsewhere) {
        Set<String> operations = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (METHODS.contains(operation.getKey()) && operation.getValue().has("x-served-by") == elsewhere) {
                operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }
}
