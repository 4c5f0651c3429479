package fr.mutualis.reporting.stream;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A task's values kept decoded in front of its changelogged key-value store, so that a value read and rewritten at
 * every event is neither decoded nor encoded at every event. How a value sits in the store underneath is its
 * {@link Layout}'s: one record, or several records under its key (so that no record outgrows what the broker takes,
 * and only the changed ones are written again).
 * <p>
 * Kafka Streams' own record cache ({@code statestore.cache.max.bytes}) keeps bytes: it saves the RocksDB access but
 * every {@code get} still decodes and every {@code put} encodes the whole value. Here a {@code put} only marks the
 * key dirty; the dirty values are encoded into the store underneath (RocksDB and its changelog) when Kafka Streams
 * flushes the caches of a task, which it does as the first step of every commit (the same call empties its own
 * record caches downstream), so the transaction that commits the input offsets also holds the changelog records of
 * every value they changed (exactly-once, and nothing lost on a crash: the values not yet written belong to offsets
 * not yet committed, which are read again). A value pushed out of the bounded cache (least recently used) is written
 * first. {@link #init}, {@link #clearCache} and {@link #close} drop the cache: a task revived or moved starts again
 * from its store.
 * <p>
 * That commit hook is Kafka Streams' {@link CachedStateStore}, an internal interface (its own caching stores'), the
 * only call a store gets before the offsets are committed ({@link #flush} comes after); {@code
 * RestartAfterBurstTest} fails if a new Kafka Streams stops calling it there.
 */
public final class DecodedCacheStore<V> implements KeyValueStore<String, V>, CachedStateStore<String, V> {

    /**
     * How a value is written to and read from the store underneath: one record under its key, or several whose keys
     * no other value's records share (the owners' facts: {@code <owner>/<path>}, see {@link OwnerFactsLayout}).
     */
    public interface Layout<V> {

        /** The value stored under {@code key}; null when there is none. */
        V read(String key, KeyValueStore<String, byte[]> store);

        /** Writes the value (what changed of it since it was last written or read, if it keeps track). */
        void write(String key, V value, KeyValueStore<String, byte[]> store);

        /** Deletes every record of the value. */
        void delete(String key, KeyValueStore<String, byte[]> store);
    }

    private final KeyValueStore<String, byte[]> store;
    private final Layout<V> layout;
    private final Set<String> dirty = new HashSet<>();
    private final Map<String, V> decoded;

    private DecodedCacheStore(KeyValueStore<String, byte[]> store, Layout<V> layout, int capacity) {
        this.store = store;
        this.layout = layout;
        this.decoded = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                if (size() <= capacity) {
                    return false;
                }
                if (dirty.remove(eldest.getKey())) {
                    layout.write(eldest.getKey(), eldest.getValue(), store);
                }
                return true;
            }
        };
    }

    /**
     * A persistent, changelogged store named {@code name} keeping at most {@code capacity} values decoded ({@code 0}:
     * none, every value decoded at each read and written at each write); Kafka Streams' byte cache is left out under
     * it (the decoded values are the cache).
     */
    public static <V> StoreBuilder<DecodedCacheStore<V>> builder(String name, Layout<V> layout, int capacity) {
        return builder(Stores.persistentKeyValueStore(name), layout, capacity);
    }

    static <V> StoreBuilder<DecodedCacheStore<V>> builder(KeyValueBytesStoreSupplier supplier, Layout<V> layout,
                                                          int capacity) {
        return new Builder<>(supplier, layout, capacity);
    }

    @Override
    public V get(String key) {
        V value = decoded.get(key);
        if (value == null) {
            value = layout.read(key, store);
            if (value != null) {
                decoded.put(key, value);
            }
        }
        return value;
    }

    /** The value is kept as given (callers may go on changing it until the next flush): written at the flush. */
    @Override
    public void put(String key, V value) {
        if (value == null) {
            delete(key);
            return;
        }
        // Dirty first: a cache of no value pushes this one out at once, and it must be written then.
        dirty.add(key);
        decoded.put(key, value);
    }

    @Override
    public V putIfAbsent(String key, V value) {
        V known = get(key);
        if (known == null) {
            put(key, value);
        }
        return known;
    }

    @Override
    public void putAll(List<KeyValue<String, V>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public V delete(String key) {
        V known = get(key);
        decoded.remove(key);
        dirty.remove(key);
        layout.delete(key, store);
        return known;
    }

    /** Writes the dirty values into the store underneath: called by Kafka Streams before each commit. */
    @Override
    public void flushCache() {
        writeDirty();
    }

    /** Dirty values are dropped too: Kafka Streams clears a task's caches when it gives up its uncommitted work. */
    @Override
    public void clearCache() {
        decoded.clear();
        dirty.clear();
    }

    /** Nothing is handed on when values are written: the topology emits from its own changed-owners table. */
    @Override
    public boolean setFlushListener(CacheFlushListener<String, V> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public void flush() {
        writeDirty();
        store.flush();
    }

    private void writeDirty() {
        dirty.forEach(key -> layout.write(key, decoded.get(key), store));
        dirty.clear();
    }

    /** Values are read by key: the records underneath are a layout's, not one per value. */
    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        throw new UnsupportedOperationException("the values of " + name() + " are read by key");
    }

    @Override
    public KeyValueIterator<String, V> all() {
        throw new UnsupportedOperationException("the values of " + name() + " are read by key");
    }

    /** The records underneath, as many as the values or more (a layout may split a value). */
    @Override
    public long approximateNumEntries() {
        return store.approximateNumEntries();
    }

    @Override
    public String name() {
        return store.name();
    }

    /** The store underneath registers this one as the root: Kafka Streams flushes and closes it through here. */
    @Override
    public void init(StateStoreContext context, StateStore root) {
        clearCache();
        store.init(context, root);
    }

    @Override
    public void close() {
        clearCache();
        store.close();
    }

    @Override
    public boolean persistent() {
        return store.persistent();
    }

    @Override
    public boolean isOpen() {
        return store.isOpen();
    }

    /** Builds the store underneath as Kafka Streams does (metered, changelogged, RocksDB) and puts the cache on it. */
    private static final class Builder<V> implements StoreBuilder<DecodedCacheStore<V>> {

        private final StoreBuilder<KeyValueStore<String, byte[]>> inner;
        private final Layout<V> layout;
        private final int capacity;

        Builder(KeyValueBytesStoreSupplier supplier, Layout<V> layout, int capacity) {
            this.inner = Stores.keyValueStoreBuilder(supplier, Serdes.String(), Serdes.ByteArray()).withCachingDisabled();
            this.layout = layout;
            this.capacity = capacity;
        }

        @Override
        public StoreBuilder<DecodedCacheStore<V>> withCachingEnabled() {
            throw new UnsupportedOperationException("the decoded values are this store's cache");
        }

        @Override
        public StoreBuilder<DecodedCacheStore<V>> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<DecodedCacheStore<V>> withLoggingEnabled(Map<String, String> config) {
            inner.withLoggingEnabled(config);
            return this;
        }

        @Override
        public StoreBuilder<DecodedCacheStore<V>> withLoggingDisabled() {
            inner.withLoggingDisabled();
            return this;
        }

        @Override
        public DecodedCacheStore<V> build() {
            return new DecodedCacheStore<>(inner.build(), layout, capacity);
        }

        @Override
        public Map<String, String> logConfig() {
            return inner.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return inner.loggingEnabled();
        }

        @Override
        public String name() {
            return inner.name();
        }
    }
}
