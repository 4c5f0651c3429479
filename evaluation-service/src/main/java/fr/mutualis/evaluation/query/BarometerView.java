package fr.mutualis.evaluation.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.mutualis.evaluation.messages.BarometerProfile;

import java.util.List;

/**
 * A collectivité's barometer: its profile and the criteria behind it; when UNCLASSIFIED, the nearest profile and
 * the criteria it still misses.
 */
public record BarometerView(String siren, BarometerProfile profile, Criteria criteria,
                            @JsonInclude(JsonInclude.Include.NON_NULL) BarometerProfile nearestProfile,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<BarometerClassifier.Criterion> missing,
                            int axesThreshold) {

    public record Criteria(boolean plan, boolean electedLead, List<String> axes, List<String> roles, boolean evaluation,
                           List<String> communication) {
    }
}
