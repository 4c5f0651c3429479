package fr.mutualis.contracts.evaluation;

import fr.mutualis.contracts.IntegrationEvent;

import java.util.List;

/**
 * A collectivité's profile in the territorial digital innovation barometer changed (SYSTEMIC, PATHFINDER,
 * ENTREPRENEUR, EXPLORER, OBSERVER or UNCLASSIFIED). A collectivité never classified counts as UNCLASSIFIED. When
 * UNCLASSIFIED, {@code nearestProfile} is the profile with the most criteria met and {@code missing} its unmet
 * criteria (PLAN, ELECTED_LEAD, AXES, ROLES, EVALUATION, COMMUNICATION); otherwise null and empty.
 */
@IntegrationEvent(type = "evaluation.BarometerProfileChanged")
public record BarometerProfileChanged(String siren, String previousProfile, String profile, String nearestProfile,
                                      List<String> missing) {
}
