package fr.mutualis.evaluation.query;

import fr.mutualis.evaluation.messages.IndicatorDefined;
import fr.mutualis.evaluation.messages.MeasurementRecorded;
import fr.mutualis.kit.projection.ProjectionUpdates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import static fr.mutualis.kit.time.PlausibleDates.stored;

/** Projects the evaluation service's own indicator events. Idempotent, so replays are safe. */
@Component
@ProcessingGroup(IndicatorProjection.GROUP)
public class IndicatorProjection {

    public static final String GROUP = "indicator-projection";

    private final ProjectionUpdates jdbc;
    private final BarometerPending pending;
    private final AlertPending alerts;

    public IndicatorProjection(ProjectionUpdates jdbc, BarometerPending pending, AlertPending alerts) {
        this.jdbc = jdbc;
        this.pending = pending;
        this.alerts = alerts;
    }

    @EventHandler
    void on(IndicatorDefined event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO indicator_view (indicator_id, owner_id, scope_kind, scope_id, name, unit, baseline_value,
                            baseline_date, target_value, target_date, direction, frequency, version)
                        VALUES (:id, :owner, :scopeKind, :scopeId, :name, :unit, :baselineValue, :baselineDate,
                            :targetValue, :targetDate, :direction, :frequency, :version)
                        ON CONFLICT (indicator_id) DO NOTHING""")
                .param("id", event.indicatorId())
                .param("owner", event.ownerId().id())
                .param("scopeKind", event.scopeKind().name())
                .param("scopeId", event.scopeId())
                .param("name", event.name())
                .param("unit", event.unit())
                .param("baselineValue", event.baselineValue())
                .param("baselineDate", stored(event.baselineDate()))
                .param("targetValue", event.targetValue())
                .param("targetDate", stored(event.targetDate()))
                .param("direction", event.direction().name())
                .param("frequency", event.frequency().name())
                .param("version", version)
                .update();
    }

    @EventHandler
    void on(MeasurementRecorded event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO indicator_measurement (indicator_id, sequence, owner_id, measured_on, value, source)
                        VALUES (:id, :sequence, :owner, :date, :value, :source)
                        ON CONFLICT (indicator_id, sequence) DO NOTHING""")
                .param("id", event.indicatorId())
                .param("sequence", version)
                .param("owner", event.ownerId().id())
                .param("date", stored(event.date()))
                .param("value", event.value())
                .param("source", event.source())
                .update();
        jdbc.sql("UPDATE indicator_view SET version = GREATEST(version, :version) WHERE indicator_id = :id")
                .param("id", event.indicatorId())
                .param("version", version)
                .update();
        pending.mark(event.ownerId().id());
        // The last measurement decides INDICATOR_OFF_TRACK.
        alerts.mark(event.ownerId().id());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE indicator_view, indicator_measurement").update();
    }
}
