package fr.mutualis.evaluation.query;

import fr.mutualis.evaluation.messages.BarometerProfile;
import fr.mutualis.evaluation.messages.CommunicationTool;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static fr.mutualis.evaluation.messages.CommunicationTool.PARTICIPATORY;
import static fr.mutualis.evaluation.messages.CommunicationTool.SOCIAL;
import static fr.mutualis.evaluation.messages.CommunicationTool.TOP_DOWN;

/**
 * The barometer's table (DOMAIN.md §6) as code: a profile holds when every one of its six criteria holds. A
 * collectivité matching no row is UNCLASSIFIED; its nearest profile is the row with the most criteria met (ties in
 * the table's order), and {@code missing} names that row's criteria still unmet.
 */
public final class BarometerClassifier {

    /** The axes threshold of SYSTEMIC and PATHFINDER (the study says 6 in its text, 5 in its summary table). */
    public static final int DEFAULT_AXES_THRESHOLD = 6;

    private final int axesThreshold;
    private final List<Row> rows;

    public BarometerClassifier(int axesThreshold) {
        if (axesThreshold < 1) {
            throw new IllegalArgumentException("The axes threshold must be at least 1, was " + axesThreshold);
        }
        this.axesThreshold = axesThreshold;
        Set<CommunicationTool> all = EnumSet.of(TOP_DOWN, SOCIAL, PARTICIPATORY);
        Set<CommunicationTool> withoutParticipation = EnumSet.of(TOP_DOWN, SOCIAL);
        Set<CommunicationTool> topDownOnly = EnumSet.of(TOP_DOWN);
        Predicate<BarometerCriteria> manyAxes = c -> c.axes().size() >= axesThreshold;
        Predicate<BarometerCriteria> otherRoles = c -> c.roleLevel() == BarometerCriteria.RoleLevel.OTHER;
        rows = List.of(
                new Row(BarometerProfile.SYSTEMIC, criteria(yes(BarometerCriteria::plan), yes(BarometerCriteria::electedLead),
                        manyAxes, otherRoles, yes(BarometerCriteria::evaluation), communication(all))),
                new Row(BarometerProfile.PATHFINDER, criteria(yes(BarometerCriteria::plan), yes(BarometerCriteria::electedLead),
                        manyAxes, otherRoles, no(BarometerCriteria::evaluation), communication(all))),
                new Row(BarometerProfile.ENTREPRENEUR, criteria(yes(BarometerCriteria::plan), yes(BarometerCriteria::electedLead),
                        BarometerCriteria::onlyStateSupportedAxes,
                        c -> c.roleLevel() == BarometerCriteria.RoleLevel.DATA_PROTECTION_ONLY,
                        no(BarometerCriteria::evaluation), communication(withoutParticipation))),
                new Row(BarometerProfile.EXPLORER, criteria(no(BarometerCriteria::plan), no(BarometerCriteria::electedLead),
                        BarometerCriteria::anyAxisOutsideStateSupport, otherRoles,
                        no(BarometerCriteria::evaluation), communication(Set.of()))),
                new Row(BarometerProfile.OBSERVER, criteria(no(BarometerCriteria::plan), no(BarometerCriteria::electedLead),
                        c -> c.axes().size() == 1 || c.axes().size() == 2,
                        c -> c.roleLevel() == BarometerCriteria.RoleLevel.NONE,
                        no(BarometerCriteria::evaluation), communication(topDownOnly))));
    }

    public int axesThreshold() {
        return axesThreshold;
    }

    public Classification classify(BarometerCriteria criteria) {
        Row nearest = null;
        List<Criterion> nearestMissing = null;
        for (Row row : rows) {
            List<Criterion> missing = row.missing(criteria);
            if (missing.isEmpty()) {
                return new Classification(row.profile(), null, List.of());
            }
            if (nearestMissing == null || missing.size() < nearestMissing.size()) {
                nearest = row;
                nearestMissing = missing;
            }
        }
        return new Classification(BarometerProfile.UNCLASSIFIED, nearest.profile(), nearestMissing);
    }

    private static Map<Criterion, Predicate<BarometerCriteria>> criteria(
            Predicate<BarometerCriteria> plan, Predicate<BarometerCriteria> electedLead, Predicate<BarometerCriteria> axes,
            Predicate<BarometerCriteria> roles, Predicate<BarometerCriteria> evaluation,
            Predicate<BarometerCriteria> communication) {
        Map<Criterion, Predicate<BarometerCriteria>> criteria = new EnumMap<>(Criterion.class);
        criteria.put(Criterion.PLAN, plan);
        criteria.put(Criterion.ELECTED_LEAD, electedLead);
        criteria.put(Criterion.AXES, axes);
        criteria.put(Criterion.ROLES, roles);
        criteria.put(Criterion.EVALUATION, evaluation);
        criteria.put(Criterion.COMMUNICATION, communication);
        return criteria;
    }

    private static Predicate<BarometerCriteria> yes(Predicate<BarometerCriteria> criterion) {
        return criterion;
    }

    private static Predicate<BarometerCriteria> no(Predicate<BarometerCriteria> criterion) {
        return criterion.negate();
    }

    private static Predicate<BarometerCriteria> communication(Set<CommunicationTool> exactly) {
        return c -> c.communication().equals(exactly);
    }

    /** The six criteria of the barometer, in the table's column order. */
    public enum Criterion {
        PLAN,
        ELECTED_LEAD,
        AXES,
        ROLES,
        EVALUATION,
        COMMUNICATION
    }

    /**
     * @param profile        the matching row, or UNCLASSIFIED
     * @param nearestProfile when UNCLASSIFIED, the row with the most criteria met
     * @param missing        when UNCLASSIFIED, the criteria of the nearest row still unmet
     */
    public record Classification(BarometerProfile profile, BarometerProfile nearestProfile, List<Criterion> missing) {

        public Classification {
            missing = List.copyOf(missing);
        }
    }

    private record Row(BarometerProfile profile, Map<Criterion, Predicate<BarometerCriteria>> criteria) {

        List<Criterion> missing(BarometerCriteria candidate) {
            List<Criterion> missing = new ArrayList<>();
            criteria.forEach((criterion, holds) -> {
                if (!holds.test(candidate)) {
                    missing.add(criterion);
                }
            });
            return missing;
        }
    }
}
