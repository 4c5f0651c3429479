package fr.mutualis.evaluation.notification;

import fr.mutualis.evaluation.messages.AlertKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/** Who hears of which kind of alert, per person and tenant (table {@code alert_subscription}). */
@Component
public class AlertSubscriptionStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    public AlertSubscriptionStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<AlertSubscription> of(String personId, String tenantId) {
        return jdbc.sql("SELECT kind, mode FROM alert_subscription WHERE person_id = :person AND tenant_id = :tenant")
                .param("person", personId)
                .param("tenant", tenantId)
                .query((row, number) -> new AlertSubscription(AlertKind.valueOf(row.getString("kind")),
                        DeliveryMode.valueOf(row.getString("mode"))))
                .list().stream().sorted(Comparator.comparing(AlertSubscription::kind)).toList();
    }

    /** Replaces the person's subscriptions in the tenant, all sent to {@code email}. */
    @Transactional
    public void replace(String personId, String tenantId, String email, List<AlertSubscription> subscriptions) {
        jdbc.sql("DELETE FROM alert_subscription WHERE person_id = :person AND tenant_id = :tenant")
                .param("person", personId)
                .param("tenant", tenantId)
                .update();
        for (AlertSubscription subscription : subscriptions) {
            jdbc.sql("""
                            INSERT INTO alert_subscription (person_id, tenant_id, kind, mode, email, updated_at)
                            VALUES (:person, :tenant, :kind, :mode, :email, :now)""")
                    .param("person", personId)
                    .param("tenant", tenantId)
                    .param("kind", subscription.kind().name())
                    .param("mode", subscription.mode().name())
                    .param("email", email)
                    .param("now", java.sql.Timestamp.from(clock.instant()))
                    .update();
        }
    }
}
