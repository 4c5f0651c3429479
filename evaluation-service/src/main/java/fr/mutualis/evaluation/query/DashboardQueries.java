package fr.mutualis.evaluation.query;

import fr.mutualis.contracts.evaluation.IndicatorStatus;
import fr.mutualis.kit.mutualisation.Mutualisation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Dashboards: projections of every context's events, for one owner (a tenant or a mutualisation) and one year. */
@Component
public class DashboardQueries {

    private final JdbcClient jdbc;
    private final EvaluationQueries indicators;
    private final BarometerQueries barometers;

    public DashboardQueries(JdbcClient jdbc, EvaluationQueries indicators, BarometerQueries barometers) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.barometers = barometers;
    }

    public Dashboard tenant(String siren, int fiscalYear, LocalDate today) {
        return dashboard(siren, fiscalYear, today, barometers.barometer(siren, today), null);
    }

    public Dashboard mutualisation(Mutualisation mutualisation, int fiscalYear, LocalDate today) {
        List<Dashboard.MemberProfile> members = mutualisation.memberSirens().stream()
                .sorted()
                .map(siren -> new Dashboard.MemberProfile(siren, collectiviteName(siren), barometers.standing(siren).profile()))
                .toList();
        return dashboard(mutualisation.id().toString(), fiscalYear, today, null, members);
    }

    private Dashboard dashboard(String owner, int fiscalYear, LocalDate today, BarometerView barometer,
                                List<Dashboard.MemberProfile> members) {
        Map<String, Long> byStatus = counts("SELECT status AS k, count(*) AS n FROM portfolio_project WHERE owner_id = :owner GROUP BY status ORDER BY status", owner);
        Map<String, Long> byAxis = counts("SELECT axis AS k, count(*) AS n FROM portfolio_project WHERE owner_id = :owner GROUP BY axis ORDER BY axis", owner);
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long roadmaps = jdbc.sql("SELECT count(*) FROM portfolio_roadmap WHERE owner_id = :owner")
                .param("owner", owner).query(Long.class).single();
        Map<IndicatorStatus, Long> indicatorStatuses = indicators.indicatorsByStatus(owner);
        return new Dashboard(owner, fiscalYear, new Dashboard.Projects(total, byStatus, byAxis), roadmaps,
                budget(owner, fiscalYear), schedule(owner, fiscalYear, today), governance(owner, fiscalYear, today),
                new Dashboard.Indicators(indicatorStatuses.values().stream().mapToLong(Long::longValue).sum(), indicatorStatuses),
                barometer, members);
    }

    private Dashboard.Budget budget(String owner, int year) {
        Map<String, long[]> sections = new HashMap<>();
        sections.put("INVESTMENT", new long[4]);
        sections.put("OPERATING", new long[4]);
        jdbc.sql("""
                        SELECT section, sum(planned_cents) AS planned, sum(voted_cents) AS voted FROM budget_line
                        WHERE owner_id = :owner AND fiscal_year = :year GROUP BY section""")
                .param("owner", owner).param("year", year)
                .query((rs, row) -> {
                    long[] amounts = sections.computeIfAbsent(rs.getString("section"), section -> new long[4]);
                    amounts[0] = rs.getLong("planned");
                    amounts[1] = rs.getLong("voted");
                    return amounts;
                }).list();
        sum("budget_engagement", owner, year).forEach((section, amount) ->
                sections.computeIfAbsent(section, key -> new long[4])[2] = amount);
        sum("budget_mandate", owner, year).forEach((section, amount) ->
                sections.computeIfAbsent(section, key -> new long[4])[3] = amount);
        long[] investment = sections.get("INVESTMENT");
        long[] operating = sections.get("OPERATING");
        return new Dashboard.Budget(new Dashboard.Section(investment[0], investment[1], investment[2], investment[3]),
                new Dashboard.Section(operating[0], operating[1], operating[2], operating[3]));
    }

    private Map<String, Long> sum(String table, String owner, int year) {
        Map<String, Long> sums = new HashMap<>();
        jdbc.sql("SELECT section, sum(amount_cents) AS total FROM " + table
                        + " WHERE owner_id = :owner AND fiscal_year = :year GROUP BY section")
                .param("owner", owner).param("year", year)
                .query((rs, row) -> sums.put(rs.getString("section"), rs.getLong("total"))).list();
        return sums;
    }

    private Dashboard.Schedule schedule(String owner, int year, LocalDate today) {
        List<Long> slippages = new ArrayList<>();
        long[] reached = {0};
        jdbc.sql("""
                        SELECT planned_date, actual_date FROM portfolio_milestone
                        WHERE owner_id = :owner AND planned_date BETWEEN :from AND :to""")
                .param("owner", owner).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .query((rs, row) -> {
                    LocalDate actual = rs.getDate("actual_date") == null ? null : rs.getDate("actual_date").toLocalDate();
                    if (actual != null) {
                        reached[0]++;
                    }
                    return slippages.add(slippageDays(rs.getDate("planned_date").toLocalDate(), actual, today));
                }).list();
        long late = slippages.stream().filter(days -> days > 0).count();
        long max = slippages.stream().mapToLong(Long::longValue).max().orElse(0);
        BigDecimal average = slippages.isEmpty() ? BigDecimal.ZERO
                : BigDecimal.valueOf(slippages.stream().mapToLong(Long::longValue).sum())
                .divide(BigDecimal.valueOf(slippages.size()), 1, RoundingMode.HALF_UP);
        return new Dashboard.Schedule(slippages.size(), reached[0], late, average, max);
    }

    /** Days late: reached, its actual date minus its planned date; not reached, today minus its planned date; never below 0. */
    public static long slippageDays(LocalDate planned, LocalDate actual, LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(planned, actual != null ? actual : today));
    }

    private Dashboard.Governance governance(String owner, int year, LocalDate today) {
        Map<UUID, List<LocalDate>> sessions = new HashMap<>();
        jdbc.sql("SELECT instance_id, held_on FROM governance_session WHERE owner_id = :owner")
                .param("owner", owner)
                .query((rs, row) -> sessions.computeIfAbsent(rs.getObject("instance_id", UUID.class), id -> new ArrayList<>())
                        .add(rs.getDate("held_on").toLocalDate()))
                .list();
        List<Dashboard.InstanceCadence> instances = new ArrayList<>();
        jdbc.sql("SELECT instance_id, name, kind, cadence, created_on FROM governance_instance WHERE owner_id = :owner ORDER BY name, instance_id")
                .param("owner", owner)
                .query((rs, row) -> {
                    UUID id = rs.getObject("instance_id", UUID.class);
                    String cadenceName = rs.getString("cadence");
                    String name = rs.getString("name");
                    String kind = rs.getString("kind");
                    CadenceCompliance.of(cadenceName, rs.getDate("created_on").toLocalDate(),
                                    sessions.getOrDefault(id, List.of()), year, today)
                            .ifPresent(cadence -> instances.add(new Dashboard.InstanceCadence(id, name, kind, cadenceName,
                                    cadence.sessionsHeld(), cadence.sessionsExpected(), cadence.periodsKept(), cadence.kept())));
                    return id;
                }).list();
        return new Dashboard.Governance(instances,
                instances.stream().mapToLong(Dashboard.InstanceCadence::sessionsHeld).sum(),
                instances.stream().mapToLong(Dashboard.InstanceCadence::sessionsExpected).sum(),
                instances.stream().filter(Dashboard.InstanceCadence::kept).count());
    }

    private String collectiviteName(String siren) {
        return jdbc.sql("SELECT name FROM governance_collectivite WHERE siren = :siren")
                .param("siren", siren).query(String.class).optional().orElse(null);
    }

    private Map<String, Long> counts(String sql, String owner) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql).param("owner", owner).query((rs, row) -> counts.put(rs.getString("k"), rs.getLong("n"))).list();
        return counts;
    }
}
