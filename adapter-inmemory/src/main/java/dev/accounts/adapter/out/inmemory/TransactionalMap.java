package dev.accounts.adapter.out.inmemory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A map whose writes belong to a unit of work of {@link InMemoryTransactions}: the building block of every
 * in-memory store. Writes are kept aside until the unit is published, then applied in one go, so no other thread
 * ever sees half of a unit. Entries keep the order they were first put in, as a table read by insertion order would.
 *
 * <p>Only one unit runs at a time, so a map holds the changes of at most one unit, touched only by the thread that
 * holds the unit lock.
 */
final class TransactionalMap<K, V> {

    private final InMemoryTransactions transactions;
    /** What every thread sees. Guarded by the publication lock: read under its read lock, changed under its write lock. */
    private final Map<K, V> committed = new LinkedHashMap<>();
    /** The running unit's changes; a null value is a removal. Guarded by the unit lock. */
    private final Map<K, V> pending = new LinkedHashMap<>();

    TransactionalMap(InMemoryTransactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /** The value as the calling thread sees it: the committed one, or its own unit's write. */
    Optional<V> get(K key) {
        if (ownChanges() && pending.containsKey(key)) {
            return Optional.ofNullable(pending.get(key));
        }
        return transactions.read(() -> Optional.ofNullable(committed.get(key)));
    }

    /**
     * Runs a query over the values as the calling thread sees them, in insertion order, while no unit is published.
     * The query must finish with the stream (collect, count, find), not keep it.
     */
    <R> R query(Function<Stream<V>, R> query) {
        return transactions.read(() -> query.apply(visibleValues()));
    }

    /** Puts the value in the running unit; the caller must be running one. */
    void put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        change(key, value);
    }

    /** Removes the key in the running unit; the caller must be running one. */
    void remove(K key) {
        Objects.requireNonNull(key, "key");
        change(key, null);
    }

    /** Applies the running unit's changes for everyone. Called under the publication write lock. */
    void publish() {
        pending.forEach((key, value) -> {
            if (value == null) {
                committed.remove(key);
            } else {
                committed.put(key, value);
            }
        });
        pending.clear();
    }

    /** Forgets the running unit's changes. */
    void discard() {
        pending.clear();
    }

    private void change(K key, V value) {
        transactions.requireUnit();
        if (pending.isEmpty()) {
            transactions.enlist(this);
        }
        pending.put(key, value);
    }

    private boolean ownChanges() {
        return transactions.inProgress() && !pending.isEmpty();
    }

    private Stream<V> visibleValues() {
        if (!ownChanges()) {
            return committed.values().stream();
        }
        Stream<V> kept = committed.entrySet().stream()
                .map(entry -> pending.containsKey(entry.getKey()) ? pending.get(entry.getKey()) : entry.getValue())
                .filter(Objects::nonNull);
        Stream<V> added = pending.entrySet().stream()
                .filter(entry -> entry.getValue() != null && !committed.containsKey(entry.getKey()))
                .map(Map.Entry::getValue);
        return Stream.concat(kept, added);
    }
}
