package dev.accounts.adapter.in.rest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

/** Reads answers in the ways several tests compare them. */
final class Answers {

    private Answers() {
    }

    static Map<String, Object> json(MvcResult result) {
        return RestApiUnderTest.parse(Problems.body(result));
    }

    /** Every header with all its values, by name in lower case, so two answers can be compared whole. */
    static Map<String, List<String>> headers(MvcResult result) {
        MockHttpServletResponse response = result.getResponse();
        Map<String, List<String>> headers = new TreeMap<>();
        response.getHeaderNames().forEach(name -> headers.put(name.toLowerCase(Locale.ROOT),
                List.copyOf(response.getHeaders(name))));
        return headers;
    }

    /** The body and every header of an answer: what a client could tell apart. */
    static String everything(MvcResult result) {
        return Problems.body(result) + " " + headers(result);
    }
}
