package fr.mutualis.kit.rebuild;

import java.time.Instant;
import java.util.List;

/**
 * Where a rebuild stands. {@code position} and {@code target} are in the unit of what is replayed (the event store's
 * global index, or records of the topics); {@code percent} is 100 once every read model has caught up.
 */
public record RebuildStatus(State state, List<String> readModels, Instant startedAt, Instant finishedAt,
                            long position, long target, int percent, String failure) {

    public enum State { IDLE, RUNNING, COMPLETED, FAILED }

    public static RebuildStatus idle(List<String> readModels) {
        return new RebuildStatus(State.IDLE, readModels, null, null, 0, 0, 0, null);
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}
