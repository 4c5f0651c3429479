package fr.mutualis.evaluation.query;

import fr.mutualis.evaluation.messages.BarometerProfile;
import fr.mutualis.evaluation.messages.CommunicationTool;
import fr.mutualis.evaluation.messages.DigitalRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The barometer criteria of a collectivité, read from what evaluation learnt of every context, and its profile. */
@Component
public class BarometerQueries {

    private final JdbcClient jdbc;
    private final BarometerClassifier classifier;

    public BarometerQueries(JdbcClient jdbc, BarometerClassifier classifier) {
        this.jdbc = jdbc;
        this.classifier = classifier;
    }

    public BarometerView barometer(String siren, LocalDate today) {
        return view(siren, criteria(siren, today));
    }

    private BarometerView view(String siren, BarometerCriteria criteria) {
        BarometerClassifier.Classification classification = classifier.classify(criteria);
        return new BarometerView(siren, classification.profile(),
                new BarometerView.Criteria(criteria.plan(), criteria.electedLead(), List.copyOf(new TreeSet<>(criteria.axes())),
                        criteria.roles().stream().sorted().map(Enum::name).toList(), criteria.evaluation(),
                        criteria.communication().stream().sorted().map(Enum::name).toList()),
                classification.nearestProfile(), classification.missing(), classifier.axesThreshold());
    }

    public BarometerCriteria criteria(String siren, LocalDate today) {
        boolean plan = jdbc.sql("""
                        SELECT start_year, end_year FROM portfolio_roadmap
                        WHERE owner_id = :siren AND status = 'ADOPTED' AND start_year IS NOT NULL AND end_year IS NOT NULL""")
                .param("siren", siren)
                .query((rs, row) -> BarometerCriteria.roadmapIsCurrent(rs.getInt(1), rs.getInt(2), today.getYear()))
                .list().contains(true);
        boolean electedLead = jdbc.sql("SELECT count(*) FROM governance_elected_lead WHERE siren = :siren")
                .param("siren", siren).query(Long.class).single() > 0;
        Set<String> axes = new TreeSet<>(jdbc.sql("""
                        SELECT DISTINCT axis FROM portfolio_project
                        WHERE owner_id = :siren AND status IN ('APPROVED', 'IN_PROGRESS', 'DELIVERED')""")
                .param("siren", siren).query(String.class).list());
        Optional<LocalDate> latestMeasurement = jdbc.sql("SELECT max(measured_on) FROM indicator_measurement WHERE owner_id = :siren")
                .param("siren", siren)
                .query((rs, row) -> rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate())
                .optional();
        boolean evaluation = latestMeasurement.map(date -> BarometerCriteria.measurementIsRecent(date, today)).orElse(false);
        Declaration declaration = jdbc.sql("SELECT roles, communication FROM self_assessment WHERE siren = :siren")
                .param("siren", siren)
                .query((rs, row) -> new Declaration(
                        strings(rs.getArray("roles")).stream().map(DigitalRole::valueOf).collect(Collectors.toSet()),
                        strings(rs.getArray("communication")).stream().map(CommunicationTool::valueOf).collect(Collectors.toSet())))
                .optional()
                .orElse(new Declaration(Set.of(), Set.of()));
        return new BarometerCriteria(plan, electedLead, axes, declaration.roles(), evaluation, declaration.communication());
    }

    /**
     * Keeps the collectivité's barometer as just classified, for the views that must not read the rows behind it
     * (a mutualisation's administrators see their members' barometers, not their projects or measurements).
     */
    public void saveStanding(BarometerView barometer) {
        BarometerView.Criteria criteria = barometer.criteria();
        jdbc.sql("""
                        INSERT INTO barometer_standing (siren, profile, nearest_profile, missing, plan, elected_lead, axes, roles,
                            evaluation, communication, axes_threshold, classified_at)
                        VALUES (:siren, :profile, :nearest, :missing, :plan, :electedLead, :axes, :roles, :evaluation,
                            :communication, :threshold, now())
                        ON CONFLICT (siren) DO UPDATE SET profile = excluded.profile, nearest_profile = excluded.nearest_profile,
                            missing = excluded.missing, plan = excluded.plan, elected_lead = excluded.elected_lead,
                            axes = excluded.axes, roles = excluded.roles, evaluation = excluded.evaluation,
                            communication = excluded.communication, axes_threshold = excluded.axes_threshold,
                            classified_at = excluded.classified_at""")
                .param("siren", barometer.siren())
                .param("profile", barometer.profile().name())
                .param("nearest", barometer.nearestProfile() == null ? null : barometer.nearestProfile().name())
                .param("missing", barometer.missing().stream().map(Enum::name).toArray(String[]::new))
                .param("plan", criteria.plan())
                .param("electedLead", criteria.electedLead())
                .param("axes", criteria.axes().toArray(String[]::new))
                .param("roles", criteria.roles().toArray(String[]::new))
                .param("evaluation", criteria.evaluation())
                .param("communication", criteria.communication().toArray(String[]::new))
                .param("threshold", barometer.axesThreshold())
                .update();
    }

    /**
     * The collectivité's barometer as last classified in the background (at most a tracker round behind); one never
     * classified has nothing the barometer counts yet.
     */
    public BarometerView standing(String siren) {
        return jdbc.sql("SELECT * FROM barometer_standing WHERE siren = :siren")
                .param("siren", siren)
                .query((rs, row) -> new BarometerView(siren, BarometerProfile.valueOf(rs.getString("profile")),
                        new BarometerView.Criteria(rs.getBoolean("plan"), rs.getBoolean("elected_lead"), strings(rs.getArray("axes")),
                                strings(rs.getArray("roles")), rs.getBoolean("evaluation"), strings(rs.getArray("communication"))),
                        rs.getString("nearest_profile") == null ? null : BarometerProfile.valueOf(rs.getString("nearest_profile")),
                        strings(rs.getArray("missing")).stream().map(BarometerClassifier.Criterion::valueOf).toList(),
                        rs.getInt("axes_threshold")))
                .optional()
                .orElseGet(() -> view(siren, new BarometerCriteria(false, false, Set.of(), Set.of(), false, Set.of())));
    }

    /** The profile last recorded for the collectivité (UNCLASSIFIED when none was). */
    public BarometerProfile recordedProfile(String siren) {
        return jdbc.sql("SELECT profile FROM barometer_profile WHERE siren = :siren")
                .param("siren", siren)
                .query(String.class).optional()
                .map(BarometerProfile::valueOf)
                .orElse(BarometerProfile.UNCLASSIFIED);
    }

    /** Every collectivité evaluation has heard of, for the periodic reclassification. */
    public List<String> knownSirens() {
        return jdbc.sql("""
                        SELECT siren FROM governance_collectivite
                        UNION SELECT siren FROM governance_elected_lead
                        UNION SELECT siren FROM self_assessment
                        UNION SELECT owner_id FROM portfolio_roadmap WHERE owner_id ~ '^[0-9]{9}$'
                        UNION SELECT owner_id FROM portfolio_project WHERE owner_id ~ '^[0-9]{9}$'
                        UNION SELECT owner_id FROM indicator_view WHERE owner_id ~ '^[0-9]{9}$'""")
                .query(String.class).list();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private record Declaration(Set<DigitalRole> roles, Set<CommunicationTool> communication) {
    }
}
