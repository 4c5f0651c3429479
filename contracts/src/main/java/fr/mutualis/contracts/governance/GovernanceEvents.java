package fr.mutualis.contracts.governance;

import fr.mutualis.contracts.Topics;

import java.util.List;

/**
 * Catalogue of the integration events the governance service publishes on {@link Topics#GOVERNANCE}; it must match
 * {@code asyncapi/governance.yaml} exactly (checked by a test).
 */
public final class GovernanceEvents {

    public static final String TOPIC = Topics.GOVERNANCE;

    public static final List<Class<? extends Record>> ALL = List.of(
            CollectiviteRegistered.class,
            ElectedLeadDesignated.class,
            MutualisationCreated.class,
            InstanceCreated.class,
            SessionClosed.class,
            DecisionPublished.class,
            SessionScheduled.class);

    private GovernanceEvents() {
    }
}
