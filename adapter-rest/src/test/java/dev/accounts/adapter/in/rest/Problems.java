package dev.accounts.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.Map;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

/** Reads an answer as an RFC 9457 problem, checking the members every problem of this API has. */
final class Problems {

    private Problems() {
    }

    static Map<String, Object> problem(MvcResult result, int status, String type) {
        MockHttpServletResponse response = result.getResponse();
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(body(result)).as("members in the order of RFC 9457").startsWith("{\"type\":");
        Map<String, Object> problem = RestApiUnderTest.parse(body(result));
        assertThat(problem)
                .containsEntry("type", type)
                .containsEntry("status", status)
                .containsKeys("title", "detail");
        return problem;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errors(Map<String, Object> problem) {
        assertThat(problem).containsKey("errors");
        return (List<Map<String, Object>>) problem.get("errors");
    }

    static String body(MvcResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
