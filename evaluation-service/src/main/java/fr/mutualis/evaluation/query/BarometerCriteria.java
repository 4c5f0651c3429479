package fr.mutualis.evaluation.query;

import fr.mutualis.evaluation.messages.CommunicationTool;
import fr.mutualis.evaluation.messages.DigitalRole;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the barometer knows of a collectivité (DOMAIN.md §6): from the event streams (plan, elected lead, axes,
 * evaluation) and from its self-declaration (roles, communication).
 *
 * @param plan          an adopted, not closed roadmap covers the current year
 * @param electedLead   an élu au numérique is designated
 * @param axes          axes with at least one APPROVED, IN_PROGRESS or DELIVERED project
 * @param evaluation    at least one indicator has a measurement in the last 12 months
 */
public record BarometerCriteria(boolean plan, boolean electedLead, Set<String> axes, Set<DigitalRole> roles,
                                boolean evaluation, Set<CommunicationTool> communication) {

    /** The axes the State supports (open data, dematerialisation, very-high-speed network). */
    public static final Set<String> STATE_SUPPORTED_AXES = Set.of("OPEN_DATA", "DEMATERIALISATION", "VERY_HIGH_SPEED_NETWORK");

    public BarometerCriteria {
        axes = Set.copyOf(axes);
        roles = Set.copyOf(roles);
        communication = Set.copyOf(communication);
    }

    /** PLAN: an adopted roadmap is current when the year falls within its start and end years, both included. */
    public static boolean roadmapIsCurrent(int startYear, int endYear, int year) {
        return startYear <= year && year <= endYear;
    }

    /** EVALUATION: a measurement counts for 12 months; one taken exactly 12 months ago still counts. */
    public static boolean measurementIsRecent(LocalDate measuredOn, LocalDate today) {
        return !measuredOn.isBefore(today.minusMonths(12));
    }

    /** Declared roles: none, only data protection (DPO/CIL), or at least one other specialised role. */
    public RoleLevel roleLevel() {
        if (roles.isEmpty()) {
            return RoleLevel.NONE;
        }
        return roles.stream().allMatch(DigitalRole::isDataProtection) ? RoleLevel.DATA_PROTECTION_ONLY : RoleLevel.OTHER;
    }

    public boolean onlyStateSupportedAxes() {
        return !axes.isEmpty() && STATE_SUPPORTED_AXES.containsAll(axes);
    }

    public boolean anyAxisOutsideStateSupport() {
        return axes.stream().anyMatch(axis -> !STATE_SUPPORTED_AXES.contains(axis));
    }

    public enum RoleLevel {
        NONE,
        DATA_PROTECTION_ONLY,
        OTHER
    }
}
