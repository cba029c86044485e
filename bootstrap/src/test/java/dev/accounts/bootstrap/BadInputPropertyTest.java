package dev.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.quicktheories.QuickTheory.qt;

import com.zaxxer.hikari.HikariDataSource;
import dev.accounts.bootstrap.badinput.BadRequests;
import dev.accounts.bootstrap.badinput.DatabaseFootprint;
import dev.accounts.bootstrap.badinput.Fuzzer;
import dev.accounts.bootstrap.badinput.RawHttpClient;
import java.sql.DriverManager;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 4, scenario 8: thousands of generated bad requests at every endpoint of the running service, sent byte for
 * byte over raw sockets — wrong JSON types, missing, extra and repeated fields, huge strings, deep nesting, control
 * characters, CR/LF, NUL, invalid UTF-8, emoji and combining marks, SQL and header injection, wrong content types,
 * bogus bearer tokens, lying Content-Length and chunked framing. Each answer must be a 2xx or a 4xx (never a 5xx),
 * every 4xx an RFC 9457 problem, no body may show a stack trace or SQL, and a refused request must leave the
 * database as it was.
 *
 * <p>Properties run with QuickTheories; a failure shows the smallest request found that still fails, and the seed
 * ({@code -DQT_SEED=...} replays it). {@code -Daccounts.badinput.examples=N} sends N requests per endpoint.
 * The figures (requests, statuses, time) go to this test's output file in surefire-reports.
 */
class BadInputPropertyTest {

    /** About a minute on a busy 2-core machine: most bad requests are refused long before a password is hashed. */
    private static final int EXAMPLES = Integer.getInteger("accounts.badinput.examples", 100);

    /** Each shrinking step sends requests again; a few dozen find a small example without taking minutes. */
    private static final int SHRINK_CYCLES = Integer.getInteger("accounts.badinput.shrinks", 30);

    @RegisterExtension
    static final ServiceWithMail ACCOUNTS = ServiceWithMail.withSettings(Map.of(
            // Throttling would soon answer every login and password change with 429 before looking at the body;
            // it has tests of its own, and this one wants bad input to reach the code behind it.
            "ACCOUNTS_THROTTLE_ACCOUNT_FREE_FAILURES", "1000000",
            "ACCOUNTS_THROTTLE_CLIENT_FREE_FAILURES", "1000000"));

    private static FuzzedAccounts accounts;
    private static DatabaseFootprint database;
    private static Fuzzer fuzzer;
    private static long started;

    @BeforeAll
    static void aimAtTheRunningService() throws Exception {
        RunningService service = ACCOUNTS.service();
        accounts = FuzzedAccounts.create(ACCOUNTS);
        // A connection of its own, outside the service's pool, so the checks never queue behind the service.
        HikariDataSource pool = (HikariDataSource) service.bean(DataSource.class);
        database = new DatabaseFootprint(DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword()));
        fuzzer = new Fuzzer(new RawHttpClient("127.0.0.1", service.uri("/").getPort()), database);
        started = System.nanoTime();
    }

    @AfterAll
    static void printTheFigures() throws Exception {
        if (fuzzer != null) {
            fuzzer.figures().print(System.out, (System.nanoTime() - started) / 1_000_000);
        }
        if (database != null) {
            database.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersBadInputWithA2xxOrA4xxProblemAndRefusalsStoreNothing() {
        String host = "127.0.0.1:" + ACCOUNTS.service().uri("/").getPort();
        return FuzzedEndpoints.all(accounts).stream().map(endpoint -> dynamicTest(endpoint.name(), () -> {
            long before = fuzzer.figures().requests();
            qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES)
                    .forAll(BadRequests.forEndpoint(endpoint, host, accounts::session))
                    .checkAssert(request -> fuzzer.check(endpoint, request));
            // QuickTheories skips an example it has already tried, which small input spaces (a page, a probe) run into.
            assertThat(fuzzer.figures().requests() - before).isGreaterThanOrEqualTo(EXAMPLES / 2);
        }));
    }
}
