package fr.mutualis.portfolio.query;

import fr.mutualis.kit.api.Page;
import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.portfolio.messages.BudgetSection;
import fr.mutualis.portfolio.messages.ProjectStatus;
import fr.mutualis.portfolio.query.ScenarioCalculator.Cell;
import fr.mutualis.portfolio.query.ScenarioCalculator.KeptProject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads of what-if scenarios, their figures computed now by {@link ScenarioCalculator} from the read models (projects'
 * costs and priorities, the budget's credits and CP schedules), so that they always follow the latest changes. Always
 * restricted to the owners the caller may see.
 */
@Component
public class ScenarioQueries {

    /** Projects already decided or under way: every scenario of their roadmap counts them. */
    public static final Set<ProjectStatus> ALWAYS_INCLUDED = EnumSet.of(ProjectStatus.APPROVED,
            ProjectStatus.IN_PROGRESS, ProjectStatus.ON_HOLD, ProjectStatus.DELIVERED);
    /** Projects a scenario may pick. */
    public static final Set<ProjectStatus> PICKABLE = EnumSet.of(ProjectStatus.PROPOSED, ProjectStatus.ASSESSED);

    private final JdbcClient jdbc;
    private final PortfolioQueries portfolio;

    public ScenarioQueries(JdbcClient jdbc, PortfolioQueries portfolio) {
        this.jdbc = jdbc;
        this.portfolio = portfolio;
    }

    public Optional<ScenarioView> scenario(UUID id, Collection<Owner> owners) {
        return stored("WHERE scenario_id = :id AND owner_id IN (:owners)", id, owners).stream().findFirst()
                .flatMap(scenario -> portfolio.roadmap(scenario.roadmapId(), owners)
                        .map(roadmap -> figures(roadmap, List.of(scenario)).getFirst()));
    }

    /** Every scenario of a roadmap, oldest first, to be compared side by side; empty when the roadmap is not visible. */
    public Optional<Page<ScenarioView>> ofRoadmap(UUID roadmapId, Collection<Owner> owners) {
        return portfolio.roadmap(roadmapId, owners).map(roadmap -> {
            List<ScenarioView> scenarios = figures(roadmap,
                    stored("WHERE roadmap_id = :id AND owner_id IN (:owners)", roadmapId, owners));
            return new Page<>(scenarios, 0, scenarios.size(), scenarios.size());
        });
    }

    private List<Stored> stored(String where, UUID id, Collection<Owner> owners) {
        return jdbc.sql("SELECT * FROM scenario_view " + where + " ORDER BY name, scenario_id")
                .param("id", id).param("owners", owners.stream().map(Owner::id).toList())
                .query((rs, row) -> new Stored(rs.getObject("scenario_id", UUID.class),
                        rs.getObject("roadmap_id", UUID.class), rs.getString("owner_id"), rs.getString("name"),
                        uuids(rs.getArray("project_ids")), rs.getObject("chosen_by_decision_id", UUID.class),
                        rs.getDate("chosen_on") == null ? null : rs.getDate("chosen_on").toLocalDate(),
                        rs.getLong("version")))
                .list();
    }

    private List<ScenarioView> figures(RoadmapView roadmap, List<Stored> scenarios) {
        if (scenarios.isEmpty()) {
            return List.of();
        }
        List<ProjectView> projects = portfolio.projectsOfRoadmap(roadmap.id());
        Map<UUID, SortedMap<Integer, Long>> schedules = schedules(projects);
        Map<Cell, Long> credits = credits(roadmap);
        Map<UUID, Map<Cell, Long>> envelopes = envelopes(scenarios);
        List<ScenarioView> views = new ArrayList<>();
        for (Stored scenario : scenarios) {
            List<KeptProject> kept = new ArrayList<>();
            for (ProjectView project : projects) {
                ProjectStatus status = ProjectStatus.valueOf(project.status());
                boolean always = ALWAYS_INCLUDED.contains(status);
                if (always || (PICKABLE.contains(status) && scenario.projectIds().contains(project.id()))) {
                    kept.add(new KeptProject(project.id(), project.title(), project.axis(), project.status(), always,
                            project.priority(), project.plannedStart(), project.plannedEnd(),
                            project.estimatedInvestmentCents(), project.estimatedOperatingCents(),
                            schedules.getOrDefault(project.id(), new TreeMap<>())));
                }
            }
            ScenarioCalculator.Figures figures = ScenarioCalculator.compute(roadmap.startYear(), roadmap.endYear(),
                    roadmap.axes(), kept, envelopes.getOrDefault(scenario.id(), Map.of()), credits);
            views.add(new ScenarioView(scenario.id(), scenario.roadmapId(), scenario.ownerId(), scenario.name(),
                    scenario.projectIds(), scenario.chosenByDecisionId(), scenario.chosenOn(), figures.comparisons(),
                    figures.priorityKept(), figures.axesCovered(), figures.axesNotCovered(), figures.projects(),
                    scenario.version()));
        }
        return views;
    }

    /** The CP schedules of the investment programmes (AP) financing each project, summed per year. */
    private Map<UUID, SortedMap<Integer, Long>> schedules(List<ProjectView> projects) {
        Map<UUID, SortedMap<Integer, Long>> schedules = new HashMap<>();
        if (projects.isEmpty()) {
            return schedules;
        }
        jdbc.sql("""
                        SELECT project_id, schedule_years, schedule_cents FROM budget_programme
                        WHERE project_id IN (:ids) AND section = :section""")
                .param("ids", projects.stream().map(ProjectView::id).toList())
                .param("section", BudgetSection.INVESTMENT.name())
                .query(rs -> {
                    Integer[] years = (Integer[]) rs.getArray("schedule_years").getArray();
                    Long[] cents = (Long[]) rs.getArray("schedule_cents").getArray();
                    SortedMap<Integer, Long> schedule = schedules.computeIfAbsent(rs.getObject("project_id", UUID.class),
                            project -> new TreeMap<>());
                    for (int i = 0; i < years.length; i++) {
                        schedule.merge(years[i], cents[i], Long::sum);
                    }
                });
        return schedules;
    }

    /** The open credits of the roadmap's owner per year and section, over the roadmap's years. */
    private Map<Cell, Long> credits(RoadmapView roadmap) {
        Map<Cell, Long> credits = new HashMap<>();
        jdbc.sql("""
                        SELECT fiscal_year, section, sum(credits_cents) AS credits FROM budget_line_credits
                        WHERE owner_id = :owner AND fiscal_year BETWEEN :start AND :end
                        GROUP BY fiscal_year, section""")
                .param("owner", roadmap.ownerId()).param("start", roadmap.startYear()).param("end", roadmap.endYear())
                .query(rs -> {
                    credits.put(new Cell(rs.getInt("fiscal_year"), BudgetSection.valueOf(rs.getString("section"))),
                            rs.getLong("credits"));
                });
        return credits;
    }

    private Map<UUID, Map<Cell, Long>> envelopes(List<Stored> scenarios) {
        Map<UUID, Map<Cell, Long>> envelopes = new HashMap<>();
        jdbc.sql("SELECT scenario_id, year, section, amount_cents FROM scenario_envelope WHERE scenario_id IN (:ids)")
                .param("ids", scenarios.stream().map(Stored::id).toList())
                .query(rs -> {
                    envelopes.computeIfAbsent(rs.getObject("scenario_id", UUID.class), id -> new HashMap<>())
                            .put(new Cell(rs.getInt("year"), BudgetSection.valueOf(rs.getString("section"))),
                                    rs.getLong("amount_cents"));
                });
        return envelopes;
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : List.of((UUID[]) array.getArray());
    }

    private record Stored(UUID id, UUID roadmapId, String ownerId, String name, List<UUID> projectIds,
                          UUID chosenByDecisionId, LocalDate chosenOn, long version) {
    }
}
