package fr.mutualis.evaluation.messages;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** The profile the barometer classification gives a collectivité now; only a change becomes an event. */
public record RecordBarometerProfile(@TargetAggregateIdentifier String siren, BarometerProfile profile,
                                     BarometerProfile nearestProfile, List<String> missing) {
}
