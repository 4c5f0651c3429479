package fr.mutualis.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntUnaryOperator;

/**
 * Closed-loop load: {@code clients} threads each send one command, wait for its answer, and send the next, for a
 * warm-up and then a measured period. A closed loop states throughput at a given concurrency, the question asked.
 */
final class LoadRunner {

    private LoadRunner() {
    }

    /** {@code command} sends one command for client {@code i} and returns the HTTP status. */
    static LoadResult run(String target, int clients, Duration warmup, Duration measured, IntUnaryOperator command)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measured.toNanos();
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        List<long[]> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            int client = i;
            long[][] samples = {new long[1024]};
            int[] size = {0};
            Thread thread = Thread.ofPlatform().name("bench-client-" + i).start(() -> {
                try {
                    while (true) {
                        long sent = System.nanoTime();
                        if (sent >= end) {
                            break;
                        }
                        int status = command.applyAsInt(client);
                        long answered = System.nanoTime();
                        if (sent < measureFrom) {
                            continue;
                        }
                        if (status >= 200 && status < 300) {
                            accepted.incrementAndGet();
                            if (size[0] == samples[0].length) {
                                samples[0] = java.util.Arrays.copyOf(samples[0], size[0] * 2);
                            }
                            samples[0][size[0]++] = answered - sent;
                        } else {
                            refused.incrementAndGet();
                        }
                    }
                } finally {
                    synchronized (perClient) {
                        perClient.add(java.util.Arrays.copyOf(samples[0], size[0]));
                    }
                    done.countDown();
                }
            });
            threads.add(thread);
        }
        done.await();
        long[] all = perClient.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        return new LoadResult(target, clients, accepted.get(), refused.get(), measured.toNanos() / 1e9,
                Latencies.of(all));
    }
}
