package dev.accounts.application.port.in;

/**
 * One profile field in a partial update: kept as it is, or set to a value (null clears it). Needed because in a
 * PATCH "absent" and "null" mean different things.
 */
public sealed interface ProfileChange {

    Keep KEEP = new Keep();

    static ProfileChange to(String value) {
        return new SetTo(value);
    }

    String applyTo(String current);

    record Keep() implements ProfileChange {
        @Override
        public String applyTo(String current) {
            return current;
        }
    }

    record SetTo(String value) implements ProfileChange {
        @Override
        public String applyTo(String current) {
            return value;
        }
    }
}
