package dev.accounts.archfixture.adapter.out.mail;

import dev.accounts.archfixture.adapter.out.persistence.jooq.Tables;
import dev.accounts.archfixture.bootstrap.Wiring;

/** Violations: generated jOOQ outside persistence, and an adapter depending on the composition root. */
public class TemplateReadingGeneratedCode {

    Object table = Tables.USERS;
    Wiring wiring;

    Object query() {
        return org.jooq.impl.DSL.name(table.toString());
    }
}
