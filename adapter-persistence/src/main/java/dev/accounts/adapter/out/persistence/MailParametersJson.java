package dev.accounts.adapter.out.persistence;

import java.util.Map;
import java.util.TreeMap;
import org.jooq.JSONB;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A mail's template parameters as the flat JSON object stored in {@code mail_outbox.parameters}. */
final class MailParametersJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private MailParametersJson() {
    }

    static JSONB write(Map<String, String> parameters) {
        // Sorted, so one set of parameters is always stored as the same text.
        return JSONB.valueOf(JSON.writeValueAsString(new TreeMap<>(parameters)));
    }

    static Map<String, String> read(JSONB json) {
        return JSON.readValue(json.data(), STRING_MAP);
    }
}
