package fr.mutualis.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latency samples in nanoseconds, sorted once, read as percentiles in milliseconds. */
record Latencies(long[] sortedNanos) {

    static Latencies of(long[] nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Latencies(copy);
    }

    int count() {
        return sortedNanos.length;
    }

    double percentileMillis(double percentile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1_000_000.0;
    }

    String summary() {
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)",
                percentileMillis(50), percentileMillis(99), percentileMillis(100), count());
    }
}
