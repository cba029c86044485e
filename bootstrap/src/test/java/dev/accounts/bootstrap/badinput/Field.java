package dev.accounts.bootstrap.badinput;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.quicktheories.core.Gen;

/**
 * A field of an endpoint's JSON body and where a good value for it comes from. Good values matter as much as bad
 * ones: a request whose other fields are good reaches the rule that the bad one breaks, deep in the service.
 *
 * @param valid a good value: a string, a number, a boolean, or null for JSON null
 */
public record Field(String name, Gen<Object> valid) {

    /** A field whose good value is one of {@code choices}, each asked for a fresh value when drawn. */
    @SafeVarargs
    public static Field choosing(String name, Supplier<Object>... choices) {
        List<Supplier<Object>> options = new ArrayList<>();
        for (Supplier<Object> choice : choices) {
            options.add(choice);
        }
        return new Field(name, in -> Draw.oneOf(in, options).get());
    }
}
