package fr.mutualis.portfolio.query;

import java.util.List;
import java.util.UUID;

public record RoadmapView(UUID id, String ownerId, String title, int startYear, int endYear, List<String> axes,
                          String status, int projectsCount, long version) {
}
