package dev.accounts.archfixture.adapter.out.persistence.jooq;

/** Stands for generated jOOQ code. */
public final class Tables {

    // Not a compile-time constant: javac would inline it and leave no dependency to find.
    public static final Object USERS = new Object();

    private Tables() {
    }
}
