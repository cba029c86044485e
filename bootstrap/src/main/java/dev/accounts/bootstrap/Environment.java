package dev.accounts.bootstrap;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads of environment variables. A malformed value stops the start with one line that names the
 * variable; a secret's value is never repeated in that line.
 */
final class Environment {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private final Map<String, String> variables;

    Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    Optional<String> optional(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    String string(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    int integer(String name, int fallback, int min, int max) {
        return parse(name, fallback, text -> {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException();
            }
            return value;
        }, "a whole number from " + min + " to " + max);
    }

    Duration duration(String name, Duration fallback) {
        return duration(name, fallback, false, "a positive duration such as 500ms, 10s, 5m or 1h");
    }

    /** As {@link #duration}, zero allowed. */
    Duration durationOrZero(String name, Duration fallback) {
        return duration(name, fallback, true, "zero or a positive duration such as 0ms, 500ms or 10s");
    }

    private Duration duration(String name, Duration fallback, boolean zeroAllowed, String expected) {
        return parse(name, fallback, text -> {
            Duration duration = parseDuration(text);
            if (duration.isNegative() || duration.isZero() && !zeroAllowed) {
                throw new IllegalArgumentException();
            }
            return duration;
        }, expected);
    }

    URI httpUrl(String name, URI fallback) {
        return parse(name, fallback, text -> {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(text, "not an absolute http(s) URL");
            }
            return uri;
        }, "an absolute http:// or https:// URL");
    }

    boolean bool(String name, boolean fallback) {
        return parse(name, fallback, text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException();
        }, "true or false");
    }

    /** A comma-separated list; blank entries are dropped. */
    List<String> list(String name) {
        return optional(name).map(text -> Arrays.stream(text.split(","))
                .map(String::strip).filter(entry -> !entry.isEmpty()).toList()).orElse(List.of());
    }

    Path path(String name, Path fallback) {
        return parse(name, fallback, Path::of, "a file system path");
    }

    <E extends Enum<E>> E choice(String name, E fallback, Class<E> type) {
        return parse(name, fallback, text -> Enum.valueOf(type, text.toUpperCase(Locale.ROOT)),
                "one of " + Arrays.stream(type.getEnumConstants())
                        .map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
    }

    private <T> T parse(String name, T fallback, ThrowingParser<T> parser, String expected) {
        Optional<String> text = optional(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return parser.parse(text.get());
        } catch (Exception e) {
            throw new ConfigurationException(name + " must be " + expected + ", but is '" + text.get() + "'");
        }
    }

    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
    }

    @FunctionalInterface
    private interface ThrowingParser<T> {
        T parse(String text) throws Exception;
    }

}
