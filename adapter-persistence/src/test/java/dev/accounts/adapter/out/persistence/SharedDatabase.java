package dev.accounts.adapter.out.persistence;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the {@link TestDatabase}: started once per JVM (the server start is the slow part), closed by
 * JUnit after the last test, and emptied before each test.
 */
final class SharedDatabase implements ParameterResolver, BeforeEachCallback {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return database(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        database(context).clear();
    }

    private static TestDatabase database(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(TestDatabase.class, type -> TestDatabase.startMigrated(), TestDatabase.class);
    }
}
