package fr.mutualis.governance.messages;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Name the élu au numérique of a collectivité; {@code expectedVersion} comes from {@code If-Match}, if any. */
public record DesignateElectedLead(@TargetAggregateIdentifier String siren, String name,
                                   @TargetAggregateVersion Long expectedVersion) {
}
