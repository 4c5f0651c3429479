package fr.mutualis.evaluation.query;

import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.contracts.evaluation.IndicatorStatus;
import fr.mutualis.kit.api.Page;
import fr.mutualis.kit.api.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads of indicators, always restricted to the owners (tenant, mutualisations) the caller may see. */
@Component
public class EvaluationQueries {

    private static final RowMapper<IndicatorView> INDICATOR = (rs, row) -> new IndicatorView(
            rs.getObject("indicator_id", UUID.class), rs.getString("owner_id"), rs.getString("scope_kind"),
            rs.getString("scope_id"), rs.getString("name"), rs.getString("unit"),
            plain(rs.getBigDecimal("baseline_value")), rs.getDate("baseline_date").toLocalDate(),
            plain(rs.getBigDecimal("target_value")), rs.getDate("target_date").toLocalDate(),
            rs.getString("direction"), rs.getString("frequency"), rs.getLong("version"));

    private static final RowMapper<IndicatorDetails.Measurement> MEASUREMENT = (rs, row) -> new IndicatorDetails.Measurement(
            rs.getDate("measured_on").toLocalDate(), plain(rs.getBigDecimal("value")), rs.getString("source"));

    private final JdbcClient jdbc;

    public EvaluationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<IndicatorView> indicator(UUID id, Collection<Owner> owners) {
        return jdbc.sql("SELECT * FROM indicator_view WHERE indicator_id = :id AND owner_id IN (:owners)")
                .param("id", id).param("owners", ids(owners))
                .query(INDICATOR).optional();
    }

    public Optional<IndicatorDetails> indicatorDetails(UUID id, Collection<Owner> owners) {
        return indicator(id, owners).map(indicator -> {
            List<IndicatorDetails.Measurement> measurements = jdbc.sql("""
                            SELECT measured_on, value, source FROM indicator_measurement WHERE indicator_id = :id
                            ORDER BY measured_on, sequence""")
                    .param("id", id)
                    .query(MEASUREMENT).list();
            IndicatorDetails.Measurement latest = measurements.isEmpty() ? null : measurements.getLast();
            return new IndicatorDetails(indicator.id(), indicator.ownerId(), indicator.scopeKind(), indicator.scopeId(),
                    indicator.name(), indicator.unit(), indicator.baselineValue(), indicator.baselineDate(),
                    indicator.targetValue(), indicator.targetDate(), indicator.direction(), indicator.frequency(),
                    status(indicator, latest), latest, measurements, indicator.version());
        });
    }

    /** The indicators the caller sees, optionally of one scope kind, each with its status, by name. */
    public Page<IndicatorSummary> indicators(Collection<Owner> owners, String scopeKind, PageRequest page) {
        String filter = "i.owner_id IN (:owners)" + (scopeKind == null ? "" : " AND i.scope_kind = :scopeKind");
        var count = jdbc.sql("SELECT count(*) FROM indicator_view i WHERE " + filter).param("owners", ids(owners));
        var rows = jdbc.sql("""
                        SELECT i.*, m.measured_on, m.value, m.source FROM indicator_view i
                        LEFT JOIN LATERAL (SELECT measured_on, value, source FROM indicator_measurement
                            WHERE indicator_id = i.indicator_id ORDER BY measured_on DESC, sequence DESC LIMIT 1) m ON true
                        WHERE\s""" + filter + " ORDER BY i.name, i.indicator_id LIMIT :limit OFFSET :offset")
                .param("owners", ids(owners))
                .param("limit", page.size())
                .param("offset", (long) page.page() * page.size());
        if (scopeKind != null) {
            count = count.param("scopeKind", scopeKind);
            rows = rows.param("scopeKind", scopeKind);
        }
        List<IndicatorSummary> items = rows.query((rs, row) -> {
            IndicatorView indicator = INDICATOR.mapRow(rs, row);
            IndicatorDetails.Measurement latest = rs.getDate("measured_on") == null ? null : MEASUREMENT.mapRow(rs, row);
            return new IndicatorSummary(indicator.id(), indicator.ownerId(), indicator.scopeKind(), indicator.scopeId(),
                    indicator.name(), indicator.unit(), indicator.direction(), status(indicator, latest), latest);
        }).list();
        return new Page<>(items, page.page(), page.size(), count.query(Long.class).single());
    }

    /** Indicators of one owner by status at their latest measurement, every status listed. */
    public Map<IndicatorStatus, Long> indicatorsByStatus(String owner) {
        Map<IndicatorStatus, Long> counts = new LinkedHashMap<>();
        for (IndicatorStatus status : IndicatorStatus.values()) {
            counts.put(status, 0L);
        }
        indicatorStatuses(owner).forEach(status -> counts.merge(status.status(), 1L, Long::sum));
        return counts;
    }

    /** An indicator, its latest measurement (null without any) and its status at that measurement. */
    public record Status(IndicatorView indicator, IndicatorDetails.Measurement latest, IndicatorStatus status) {
    }

    /** Every indicator of one owner with its status at its latest measurement. */
    public List<Status> indicatorStatuses(String owner) {
        return jdbc.sql("""
                        SELECT i.*, m.measured_on, m.value, m.source FROM indicator_view i
                        LEFT JOIN LATERAL (SELECT measured_on, value, source FROM indicator_measurement
                            WHERE indicator_id = i.indicator_id ORDER BY measured_on DESC, sequence DESC LIMIT 1) m ON true
                        WHERE i.owner_id = :owner""")
                .param("owner", owner)
                .query((rs, row) -> {
                    IndicatorView indicator = INDICATOR.mapRow(rs, row);
                    IndicatorDetails.Measurement latest = rs.getDate("measured_on") == null ? null : MEASUREMENT.mapRow(rs, row);
                    return new Status(indicator, latest, status(indicator, latest));
                })
                .list();
    }

    private static IndicatorStatus status(IndicatorView indicator, IndicatorDetails.Measurement latest) {
        if (latest == null) {
            return IndicatorStatus.NO_DATA;
        }
        return IndicatorStatus.of("UP".equals(indicator.direction()), indicator.baselineValue(), indicator.baselineDate(),
                indicator.targetValue(), indicator.targetDate(), latest.date(), latest.value());
    }

    /** 80.0000 reads back as 80, 12.5000 as 12.5: the value as it was given. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static List<String> ids(Collection<Owner> owners) {
        return owners.stream().map(Owner::id).toList();
    }
}
