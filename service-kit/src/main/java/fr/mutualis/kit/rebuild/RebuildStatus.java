package fr.mutualis.kit.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where a rebuild stands. {@code position} and {@code target} add up its {@code parts}, each in the unit of what it
 * replays (a projection: the event store's global index; a Kafka consumer: records of its topic); {@code percent} is
 * 100 once every part has caught up; {@code perSecond} is the pace so far, {@code position} over the time since the
 * start (to the end once finished), so that an operator sees how long is left.
 */
public record RebuildStatus(State state, Instant startedAt, Instant finishedAt, long position, long target,
                            int percent, double perSecond, List<Part> parts, String failure) {

    public enum State { IDLE, RUNNING, COMPLETED, FAILED }

    /** One read model's replay: a projection of the event store, or a consumer of a topic. */
    public record Part(String name, String source, long position, long target) {
    }

    public static RebuildStatus idle() {
        return new RebuildStatus(State.IDLE, null, null, 0, 0, 0, 0, List.of(), null);
    }

    /** A status whose totals and percentage are those of its parts, its pace measured now. */
    public static RebuildStatus of(State state, Instant startedAt, Instant finishedAt, List<Part> parts) {
        return of(state, startedAt, finishedAt, Instant.now(), parts);
    }

    /** A status whose totals and percentage are those of its parts, its pace measured at {@code now}. */
    public static RebuildStatus of(State state, Instant startedAt, Instant finishedAt, Instant now, List<Part> parts) {
        long position = parts.stream().mapToLong(part -> Math.max(0, Math.min(part.position(), part.target()))).sum();
        long target = parts.stream().mapToLong(Part::target).sum();
        int percent = state == State.COMPLETED ? 100
                : target == 0 ? 0 : (int) Math.min(99, position * 100 / target);
        return new RebuildStatus(state, startedAt, finishedAt, position, target, percent,
                pace(position, startedAt, finishedAt != null ? finishedAt : now), List.copyOf(parts), null);
    }

    public RebuildStatus failed(Instant at, String reason) {
        return new RebuildStatus(State.FAILED, startedAt, at, position, target, percent, perSecond, parts, reason);
    }

    private static double pace(long position, Instant startedAt, Instant at) {
        long millis = startedAt == null ? 0 : Duration.between(startedAt, at).toMillis();
        return millis <= 0 ? 0 : Math.round(position * 10_000.0 / millis) / 10.0;
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}
