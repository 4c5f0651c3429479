package fr.mutualis.evaluation.messages;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * What a collectivité declares of itself for the barometer: its specialised roles and communication tools.
 * {@code expectedVersion} carries the caller's If-Match; the aggregate checks it itself because a command that may
 * create its aggregate is not version-checked by Axon.
 */
public record DeclareSelfAssessment(@TargetAggregateIdentifier String siren, List<DigitalRole> roles,
                                    List<CommunicationTool> communication,
                                    Long expectedVersion) {
}
