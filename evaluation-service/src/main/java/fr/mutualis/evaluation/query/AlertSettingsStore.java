package fr.mutualis.evaluation.query;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each tenant's alert thresholds, the defaults while it has set none. */
@Component
public class AlertSettingsStore {

    private final JdbcClient jdbc;

    public AlertSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public AlertThresholds thresholds(String owner) {
        return jdbc.sql("SELECT credits_percent, mandated_percent FROM alert_settings WHERE owner_id = :owner")
                .param("owner", owner)
                .query((rs, row) -> new AlertThresholds(rs.getInt("credits_percent"), rs.getInt("mandated_percent")))
                .optional()
                .orElse(AlertThresholds.DEFAULTS);
    }

    public void save(String owner, AlertThresholds thresholds) {
        jdbc.sql("""
                        INSERT INTO alert_settings (owner_id, credits_percent, mandated_percent) VALUES (:owner, :credits, :mandated)
                        ON CONFLICT (owner_id) DO UPDATE SET credits_percent = excluded.credits_percent,
                            mandated_percent = excluded.mandated_percent""")
                .param("owner", owner)
                .param("credits", thresholds.creditsPercent())
                .param("mandated", thresholds.mandatedPercent())
                .update();
    }
}
