package fr.mutualis.evaluation.query;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/**
 * A list of ids whose derived state may have changed (a barometer to reclassify, alerts to reconcile): marked in the
 * transaction of the change, taken off in batches by the worker that recomputes them. Taking skips rows another
 * transaction holds, so several instances share the work without taking an id twice at once.
 */
final class PendingMarks {

    private final JdbcClient jdbc;
    private final String table;
    private final String column;

    /** {@code table} has {@code column} as primary key and a {@code marked_at} timestamp; both are constants. */
    PendingMarks(JdbcClient jdbc, String table, String column) {
        this.jdbc = jdbc;
        this.table = table;
        this.column = column;
    }

    void mark(String id) {
        jdbc.sql("INSERT INTO " + table + " (" + column + ", marked_at) VALUES (:id, now()) ON CONFLICT (" + column
                        + ") DO NOTHING")
                .param("id", id)
                .update();
    }

    /** Takes up to {@code limit} marked ids off the list, the oldest marks first. */
    List<String> take(int limit) {
        return jdbc.sql("DELETE FROM " + table + " WHERE " + column + " IN (SELECT " + column + " FROM " + table
                        + " ORDER BY marked_at LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING " + column)
                .param("limit", limit)
                .query(String.class)
                .list();
    }
}
