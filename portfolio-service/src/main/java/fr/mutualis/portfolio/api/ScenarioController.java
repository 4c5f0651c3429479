package fr.mutualis.portfolio.api;

import fr.mutualis.kit.api.Created;
import fr.mutualis.kit.api.Page;
import fr.mutualis.kit.creation.Creations;
import fr.mutualis.kit.creation.IdempotentCreation;
import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.query.ReadYourWrites;
import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.tenant.Caller;
import fr.mutualis.portfolio.messages.DefineScenario;
import fr.mutualis.portfolio.messages.ProjectStatus;
import fr.mutualis.portfolio.messages.ScenarioEnvelope;
import fr.mutualis.portfolio.query.PortfolioQueries;
import fr.mutualis.portfolio.query.ProjectView;
import fr.mutualis.portfolio.query.ScenarioQueries;
import fr.mutualis.portfolio.query.ScenarioView;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static fr.mutualis.kit.security.AllowedRoles.AGENT;
import static fr.mutualis.kit.security.AllowedRoles.ELU;
import static fr.mutualis.kit.security.AllowedRoles.PLATFORM_ADMIN;
import static fr.mutualis.kit.security.AllowedRoles.REPORTING;
import static fr.mutualis.kit.security.AllowedRoles.SHARED_SERVICE_ADMIN;

/**
 * What-if scenarios of a roadmap (DOMAIN §10): defined on the roadmap, read one by one or all of a roadmap side by
 * side, their figures computed at read time. Choosing one is not here: only an approved PRIORITISATION decision of
 * governance naming it does.
 */
@RestController
public class ScenarioController {

    private final CommandSender commands;
    private final Creations creations;
    private final PortfolioQueries portfolio;
    private final ScenarioQueries scenarios;

    ScenarioController(CommandSender commands, PortfolioQueries portfolio, ScenarioQueries scenarios, Creations creations) {
        this.creations = creations;
        this.commands = commands;
        this.portfolio = portfolio;
        this.scenarios = scenarios;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @IdempotentCreation
    @PostMapping("/api/portfolio/roadmaps/{id}/scenarios")
    public ResponseEntity<Map<String, Object>> define(@PathVariable UUID id,
                                                      @Valid @RequestBody CreateScenarioRequest request, Caller caller) {
        // The checks run inside the creation: a replay answers first, whatever the projects became since.
        return creations.createAnswering(request, scenarioId -> {
            portfolio.roadmap(id, caller.sees()).orElseThrow(() -> new NotFoundException("Roadmap", id));
            List<UUID> picked = picked(id, request.projectIds(), caller);
            List<ScenarioEnvelope> envelopes = request.envelopes() == null ? List.of() : request.envelopes().stream()
                    .map(envelope -> new ScenarioEnvelope(envelope.year(), envelope.section(), envelope.amountCents()))
                    .toList();
            commands.sendAndWait(new DefineScenario(id, scenarioId, caller, request.name().strip(), picked, envelopes),
                    "Roadmap", id);
            return Created.at("/api/portfolio/scenarios", scenarioId);
        }, (scenarioId, created) -> ReadYourWrites.awaitVisible(() -> scenarios.scenario(scenarioId, caller.sees())));
    }

    /**
     * The projects picked, each once: projects of this roadmap still PROPOSED or ASSESSED, or already always included.
     * The read models decide (the aggregates of the roadmap and of its projects are apart); a project invisible to the
     * caller answers 404, one of another roadmap or finished 422, each naming its {@code projectIds[i]}.
     */
    private List<UUID> picked(UUID roadmapId, List<UUID> projectIds, Caller caller) {
        Map<UUID, ProjectView> ofRoadmap = portfolio.projectsOfRoadmap(roadmapId).stream()
                .collect(Collectors.toMap(ProjectView::id, Function.identity()));
        List<UUID> picked = new ArrayList<>(new LinkedHashSet<>(projectIds));
        for (int index = 0; index < projectIds.size(); index++) {
            UUID projectId = projectIds.get(index);
            String field = "projectIds[" + index + "]";
            ProjectView project = ofRoadmap.get(projectId);
            if (project == null) {
                portfolio.project(projectId, caller.sees())
                        .orElseThrow(() -> new NotFoundException("Project", projectId, field, null));
                throw new BusinessRuleViolationException("project-of-another-roadmap", field,
                        "Project " + projectId + " is not on roadmap " + roadmapId, Map.of("projectId", projectId));
            }
            ProjectStatus status = ProjectStatus.valueOf(project.status());
            if (!ScenarioQueries.PICKABLE.contains(status) && !ScenarioQueries.ALWAYS_INCLUDED.contains(status)) {
                throw new BusinessRuleViolationException("project-finished", field,
                        "Project " + projectId + " is " + status + ": a scenario cannot keep it",
                        Map.of("projectId", projectId, "status", status.name()));
            }
        }
        return picked;
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/api/portfolio/roadmaps/{id}/scenarios")
    public Page<ScenarioView> ofRoadmap(@PathVariable UUID id, Caller caller) {
        return scenarios.ofRoadmap(id, caller.sees()).orElseThrow(() -> new NotFoundException("Roadmap", id));
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/api/portfolio/scenarios/{id}")
    public ResponseEntity<ScenarioView> get(@PathVariable UUID id, Caller caller) {
        ScenarioView scenario = scenarios.scenario(id, caller.sees())
                .orElseThrow(() -> new NotFoundException("Scenario", id));
        return ResponseEntity.ok().eTag(String.valueOf(scenario.version())).body(scenario);
    }
}
