package dev.accounts.application.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.port.out.Transactions;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Transactions} promises, together with the stores that join its units of work: a unit returns what
 * its work returns and commits every write of it; work that throws rolls every write of the unit back, those of a
 * nested unit included, and its exception comes out unchanged; no other thread sees a write before the unit commits
 * (so, for one, no delivery worker claims a mail whose change has not committed).
 *
 * <p>A subclass gives the transactions under test and a way to write and read something through the stores that
 * join them. The more of those stores {@link #write} touches, the more the contract proves: the PostgreSQL adapter,
 * for one, writes a user, a queued mail and an audit entry.
 */
public abstract class TransactionsContract {

    private static final long READ_TIME_LIMIT_SECONDS = 10;

    /** The transactions under test. */
    protected abstract Transactions transactions();

    /** Writes something named {@code name} through the stores, joining the unit of work of the calling thread. */
    protected abstract void write(String name);

    /** Whether anything {@link #write} wrote under {@code name} is stored (committed), read outside any unit of work. */
    protected abstract boolean isStored(String name);

    @Test
    void returnsWhatTheWorkReturns() {
        assertThat(transactions().inTransaction(() -> 42)).isEqualTo(42);
    }

    @Test
    void commitsEveryWriteOfAUnitOfWork() {
        String first = aName();
        String second = aName();

        transactions().inTransaction(() -> {
            write(first);
            write(second);
        });

        assertThat(isStored(first)).isTrue();
        assertThat(isStored(second)).isTrue();
    }

    @Test
    void rollsBackEveryWriteOfAUnitOfWorkThatThrowsAndLetsTheExceptionOutUnchanged() {
        String first = aName();
        String second = aName();
        IllegalStateException failure = new IllegalStateException("the work failed");

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            write(first);
            write(second);
            throw failure;
        })).isSameAs(failure);

        assertThat(isStored(first)).isFalse();
        assertThat(isStored(second)).isFalse();
    }

    @Test
    void rollsBackTheWritesOfANestedUnitWhenTheOuterUnitThrows() {
        String nested = aName();
        String outer = aName();

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            transactions().inTransaction(() -> write(nested));
            write(outer);
            throw new IllegalStateException("the outer work failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(isStored(nested)).isFalse();
        assertThat(isStored(outer)).isFalse();
    }

    @Test
    void showsAWriteToNoOtherThreadBeforeTheUnitCommits() {
        String name = aName();

        transactions().inTransaction(() -> {
            write(name);
            assertThat(readElsewhere(name)).as("seen from another thread before the commit").isFalse();
        });

        assertThat(readElsewhere(name)).as("seen from another thread after the commit").isTrue();
    }

    @Test
    void keepsWorkingAfterAUnitOfWorkFailed() {
        String name = aName();
        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            throw new IllegalArgumentException("the work failed");
        })).isInstanceOf(IllegalArgumentException.class);

        transactions().inTransaction(() -> write(name));

        assertThat(isStored(name)).isTrue();
    }

    private boolean readElsewhere(String name) {
        try {
            return CompletableFuture.supplyAsync(() -> isStored(name)).get(READ_TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading from another thread", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("could not read from another thread", e);
        }
    }

    /** A name no other test writes: letters and digits only, 20 characters, usable as a username. */
    private static String aName() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 19);
    }
}
