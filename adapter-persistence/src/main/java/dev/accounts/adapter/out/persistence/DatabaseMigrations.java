package dev.accounts.adapter.out.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date with the Flyway scripts in {@code db/migration}, the same scripts jOOQ's classes
 * are generated from.
 */
public final class DatabaseMigrations {

    private static final String LOCATION = "classpath:db/migration";

    private DatabaseMigrations() {
    }

    /**
     * Applies the scripts not applied yet, each in its own transaction; safe to call from several instances
     * at once (Flyway locks its history table).
     *
     * @return how many scripts were applied now
     */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
