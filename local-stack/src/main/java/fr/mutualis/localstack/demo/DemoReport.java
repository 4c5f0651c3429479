package fr.mutualis.localstack.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@link DemoLoader} loaded.
 *
 * @param steps        one entry per kind of data, in load order
 * @param roadmapIds   roadmap id per tenant SIREN
 * @param projectIds   project id per project title
 * @param took         load duration
 */
public record DemoReport(List<Step> steps, Map<String, String> roadmapIds, Map<String, String> projectIds,
                         Duration took) {

    /** {@code skipped} explains why the step was skipped (an endpoint answering 404), null when it ran. */
    public record Step(String name, int loaded, int total, String skipped) {

        public boolean complete() {
            return skipped == null && loaded == total;
        }

        @Override
        public String toString() {
            return skipped == null ? loaded + "/" + total + " " + name : name + " skipped (" + skipped + ")";
        }
    }

    public DemoReport {
        steps = List.copyOf(steps);
        roadmapIds = Map.copyOf(roadmapIds);
        projectIds = Map.copyOf(projectIds);
    }

    public boolean complete() {
        return steps.stream().allMatch(Step::complete);
    }

    public String summary() {
        return steps.stream().map(Step::toString).collect(Collectors.joining(", "));
    }
}
