package fr.mutualis.evaluation.messages;

import java.util.List;

public record BarometerProfileChanged(String siren, BarometerProfile previousProfile, BarometerProfile profile,
                                      BarometerProfile nearestProfile, List<String> missing) {
}
