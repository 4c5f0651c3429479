package fr.mutualis.localstack.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@link DemoLoader} loaded: one step per kind of data, in load order. A load that fails throws instead, so a
 * report always describes a complete territory.
 *
 * @param steps one entry per kind of data, in load order
 * @param ids   the ids the services answered, by the keys of {@link DemoTerritory} (roadmaps, projects, instances,
 *              programmes, budget lines, and {@link DemoTerritory#MUTUALISATION})
 * @param took  load duration
 */
public record DemoReport(List<Step> steps, Map<String, String> ids, Duration took) {

    /** {@code detail} adds what the count does not say (decisions taken, profiles reached), or null. */
    public record Step(String name, int loaded, int total, String detail, Duration took) {

        public boolean complete() {
            return loaded == total;
        }

        @Override
        public String toString() {
            return loaded + "/" + total + " " + name + (detail == null ? "" : " (" + detail + ")") + " in "
                    + DemoLoader.seconds(took) + " s";
        }
    }

    public DemoReport {
        steps = List.copyOf(steps);
        ids = Map.copyOf(ids);
    }

    public boolean complete() {
        return steps.stream().allMatch(Step::complete);
    }

    public String summary() {
        return steps.stream().map(step -> step.loaded() + "/" + step.total() + " " + step.name())
                .collect(Collectors.joining(", "));
    }
}
