package dev.accounts.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The JSON mapper of the API. Reading is strict, so that a client's mistake is answered with a 400 instead
 * of being guessed at: no unknown fields, no repeated keys, nothing after the value, and no silent
 * conversions ({@code 123}, {@code true} or {@code {}} are not strings). Writing uses ISO-8601 instants.
 */
public final class RestJson {

    private RestJson() {
    }

    public static JsonMapper strictMapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                        DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Error locations would otherwise quote the body, which may hold a password.
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, strings -> strings
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Spring's converter adds its mix-in only when it builds the mapper itself.
                .addMixIn(ProblemDetail.class, ProblemDetailMixin.class)
                .build();
    }

    /** Spring's mix-in (extension members at the top level, empty ones left out), in the order of RFC 9457. */
    @JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
    interface ProblemDetailMixin extends ProblemDetailJacksonMixin {
    }
}
