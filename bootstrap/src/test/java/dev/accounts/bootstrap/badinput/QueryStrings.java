package dev.accounts.bootstrap.badinput;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Query strings for endpoints that read parameters: each parameter left out, given a good value, a troublesome one
 * (properly percent-encoded, so it reaches the service), an edge-case number, broken percent-encoding, or twice.
 */
public final class QueryStrings {

    private static final List<String> EDGE_VALUES = List.of("", "-1", "0", "1", "101", "1e9", "99999999999999999999",
            "abc", "1.5", "+1", "0x10", "true", "TRUE", "yes", "null", "%zz", "%00", "%ff%fe", "a%2", "%C0%AF");

    private QueryStrings() {
    }

    /**
     * @param path         the path before the query
     * @param goodValues   each parameter's good values
     */
    public static Gen<String> forParameters(String path, Map<String, List<String>> goodValues) {
        List<String> names = List.copyOf(goodValues.keySet());
        return in -> path + query(in, names, goodValues);
    }

    private static String query(RandomnessSource in, List<String> names, Map<String, List<String>> goodValues) {
        List<String> pairs = new ArrayList<>();
        for (String name : names) {
            if (Draw.chance(in, 45)) {
                continue;
            }
            String value = switch (Draw.weighted(in, 50, 25, 20, 5)) {
                case 0 -> encode(Draw.oneOf(in, goodValues.get(name)));
                case 1 -> encode(NastyStrings.draw(in));
                case 2 -> Draw.oneOf(in, EDGE_VALUES);
                default -> encode(Draw.oneOf(in, goodValues.get(name))) + "&" + name + "=" + Draw.oneOf(in, EDGE_VALUES);
            };
            pairs.add(name + "=" + value);
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
