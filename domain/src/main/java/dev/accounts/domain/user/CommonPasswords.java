package dev.accounts.domain.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Passwords too common to allow, compared ignoring case. */
public final class CommonPasswords {

    private static final String BUNDLED = "common-passwords.txt";

    private final Set<String> lowerCased;

    private CommonPasswords(Set<String> lowerCased) {
        this.lowerCased = Set.copyOf(lowerCased);
    }

    /** The bundled list: zxcvbn's 30,000 most common passwords. */
    public static CommonPasswords bundled() {
        return Holder.BUNDLED_LIST;
    }

    public static CommonPasswords of(Set<String> passwords) {
        Set<String> lower = new HashSet<>();
        passwords.forEach(password -> lower.add(password.toLowerCase(Locale.ROOT)));
        return new CommonPasswords(lower);
    }

    public boolean contains(Password password) {
        return lowerCased.contains(password.reveal().toLowerCase(Locale.ROOT));
    }

    public int size() {
        return lowerCased.size();
    }

    private static final class Holder {
        static final CommonPasswords BUNDLED_LIST = load();

        private static CommonPasswords load() {
            try (InputStream in = CommonPasswords.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException(BUNDLED + " is missing from the class path");
                }
                Set<String> lower = new HashSet<>(40_000);
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    reader.lines().map(String::strip).filter(line -> !line.isEmpty())
                            .forEach(line -> lower.add(line.toLowerCase(Locale.ROOT)));
                }
                return new CommonPasswords(lower);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
