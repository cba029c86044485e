package dev.accounts.archfixture.application.service;

import org.jooq.DSLContext;

/** Violation: the application talks to jOOQ directly instead of through a port. */
public class JooqQueryingService {

    public int count(DSLContext dsl) {
        return dsl.fetchCount(org.jooq.impl.DSL.table("users"));
    }
}
