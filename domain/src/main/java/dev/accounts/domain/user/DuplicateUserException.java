package dev.accounts.domain.user;

import java.util.Objects;

/**
 * Another user already has this username or address, ignoring case. Raised by whatever stores users, from
 * its own uniqueness guarantee (a unique index). A look-up made beforehand may raise it too, to spare work for an
 * obvious duplicate, but never replaces that guarantee: two concurrent registrations both pass any look-up.
 */
public final class DuplicateUserException extends RuntimeException {

    /** The attribute that must be unique. */
    public enum Attribute { USERNAME, EMAIL }

    private final Attribute attribute;

    public DuplicateUserException(Attribute attribute) {
        super("a user with this " + attribute.name().toLowerCase(java.util.Locale.ROOT) + " already exists", null, false, false);
        this.attribute = Objects.requireNonNull(attribute, "attribute");
    }

    public Attribute attribute() {
        return attribute;
    }
}
