package dev.accounts.faults.harness;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands scenarios the shared {@link Postgres}: started on first use, stopped by JUnit after the last test of the
 * run (the root store closes what it holds).
 */
public final class SharedPostgres implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Postgres.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Postgres.class, type -> Postgres.startTemporary(), Postgres.class);
    }
}
