package fr.mutualis.kit.rebuild;

/**
 * Rebuilds a service's read models from scratch while the service keeps accepting writes. A service whose read
 * models are fed by something other than its own event store (evaluation replays the topics) provides its own.
 */
public interface ReadModelRebuild {

    /** Starts a rebuild and answers at once; {@link fr.mutualis.kit.error.StateConflictException} if one runs. */
    RebuildStatus start();

    RebuildStatus status();

    /**
     * Whether the read models are partial right now, so that work derived from them (evaluation's barometer
     * profiles) waits. A rebuild may count a projection's first replay too.
     */
    default boolean inProgress() {
        return status().running();
    }
}
