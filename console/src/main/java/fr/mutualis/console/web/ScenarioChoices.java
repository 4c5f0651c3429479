package fr.mutualis.console.web;

import fr.mutualis.console.platform.PlatformClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenarios a PRIORITISATION agenda item may name, offered in the séance form: those of the roadmaps still open
 * that the person's collectivité sees, labelled by roadmap and name, valued by id (the API's {@code subjectId}).
 */
@Component
class ScenarioChoices {

    private final PlatformClient platform;

    ScenarioChoices(PlatformClient platform) {
        this.platform = platform;
    }

    /** Scenario id to its label, roadmap by roadmap. */
    Map<String, String> all() {
        Map<String, String> choices = new LinkedHashMap<>();
        List<Map<String, Object>> roadmaps = new ArrayList<>(Lists.items(platform.get("/api/portfolio/roadmaps",
                Map.of("size", 100))));
        roadmaps.removeIf(roadmap -> "CLOSED".equals(roadmap.get("status")));
        for (Map<String, Object> roadmap : roadmaps) {
            for (Map<String, Object> scenario : Lists.items(platform.get("/api/portfolio/roadmaps/{id}/scenarios",
                    roadmap.get("id")))) {
                choices.put(String.valueOf(scenario.get("id")), roadmap.get("title") + " — " + scenario.get("name"));
            }
        }
        return choices;
    }
}
