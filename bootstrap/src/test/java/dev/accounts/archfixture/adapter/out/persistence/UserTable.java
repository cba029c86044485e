package dev.accounts.archfixture.adapter.out.persistence;

/** A persistence adapter class other adapters must not reach. */
public class UserTable {
}
