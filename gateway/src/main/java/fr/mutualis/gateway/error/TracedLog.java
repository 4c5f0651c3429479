package fr.mutualis.gateway.error;

import reactor.core.publisher.Mono;

/**
 * Writes a log line of a request with the request's trace in the logging MDC. The gateway restores the Reactor
 * context into thread-locals only where it is asked for ({@code spring.reactor.context-propagation: limited}):
 * restoring it around every operator of every request was about an eighth of a relayed request's CPU, while only
 * the few lines logged about a failing request need it. Reactor restores the context's thread-locals around
 * {@code handle}, so the line is written there.
 */
public final class TracedLog {

    private TracedLog() {
    }

    /** Completes once {@code line} has run, on the subscriber's thread, with the request's trace in the MDC. */
    public static Mono<Void> write(Runnable line) {
        return Mono.just(line).<Void>handle((log, sink) -> {
            log.run();
            sink.complete();
        });
    }
}
