package fr.mutualis.evaluation.query;

import java.util.Map;

/** The tenant's dashboard, as far as the events received so far allow. */
public record Dashboard(String tenantId, Projects projects, long roadmaps, long indicators) {

    /** Counts of the tenant's projects, in total, by status and by axis. */
    public record Projects(long total, Map<String, Long> byStatus, Map<String, Long> byAxis) {
    }
}
