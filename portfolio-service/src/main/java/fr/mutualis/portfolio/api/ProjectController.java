package fr.mutualis.portfolio.api;

import fr.mutualis.kit.api.Created;
import fr.mutualis.kit.creation.Creations;
import fr.mutualis.kit.creation.IdempotentCreation;
import fr.mutualis.kit.api.IfMatch;
import fr.mutualis.kit.api.Page;
import fr.mutualis.kit.api.PageRequest;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.query.ReadYourWrites;
import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.tenant.Caller;
import fr.mutualis.portfolio.messages.AssessProject;
import fr.mutualis.portfolio.messages.Axis;
import fr.mutualis.portfolio.messages.MoveProject;
import fr.mutualis.portfolio.messages.PlanMilestone;
import fr.mutualis.portfolio.messages.ProjectStatus;
import fr.mutualis.portfolio.messages.ProjectTransition;
import fr.mutualis.portfolio.messages.ProposeProject;
import fr.mutualis.portfolio.messages.ReachMilestone;
import fr.mutualis.portfolio.query.AuditTrail;
import fr.mutualis.portfolio.query.HistoryEntry;
import fr.mutualis.portfolio.query.PortfolioQueries;
import fr.mutualis.portfolio.query.ProjectView;
import fr.mutualis.kit.time.FrenchTime;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static fr.mutualis.kit.security.AllowedRoles.AGENT;
import static fr.mutualis.kit.security.AllowedRoles.ELU;
import static fr.mutualis.kit.security.AllowedRoles.PLATFORM_ADMIN;
import static fr.mutualis.kit.security.AllowedRoles.REPORTING;
import static fr.mutualis.kit.security.AllowedRoles.SHARED_SERVICE_ADMIN;

/**
 * Projects and their lifecycle. A proposal honours {@code Idempotency-Key} and {@code ?dryRun=true} (kit.creation). Approval is not here: only an approved PROJECT_GATE decision of governance approves
 * a project.
 */
@RestController
@RequestMapping("/api/portfolio/projects")
public class ProjectController {

    private final CommandSender commands;
    private final Creations creations;
    private final PortfolioQueries queries;
    private final AuditTrail audit;

    ProjectController(CommandSender commands, Creations creations, PortfolioQueries queries, AuditTrail audit) {
        this.commands = commands;
        this.creations = creations;
        this.queries = queries;
        this.audit = audit;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @IdempotentCreation
    @PostMapping
    public ResponseEntity<Map<String, Object>> propose(@Valid @RequestBody ProposeProjectRequest request, Caller caller) {
        return creations.create(request, id -> commands.sendAndWait(new ProposeProject(request.roadmapId(), id,
                        caller, request.title().strip(), request.description(), request.axis(), request.theme(),
                        request.sponsor(), request.manager(), request.plannedStart(), request.plannedEnd(),
                        request.estimatedInvestmentCents(), request.estimatedOperatingCents(),
                        request.participantSirens() == null ? Set.of() : request.participantSirens()),
                        "Roadmap", request.roadmapId(), "roadmapId"),
                id -> ReadYourWrites.awaitVisible(() -> queries.project(id, caller.sees())));
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/{id}")
    public ResponseEntity<ProjectView> get(@PathVariable UUID id, Caller caller) {
        ProjectView project = queries.project(id, caller.sees())
                .orElseThrow(() -> new NotFoundException("Project", id));
        return ResponseEntity.ok().eTag(String.valueOf(project.version())).body(project);
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping
    public Page<ProjectView> list(@RequestParam(required = false) UUID roadmapId,
                                  @RequestParam(required = false) ProjectStatus status,
                                  @RequestParam(required = false) Axis axis,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size,
                                  Caller caller) {
        PageRequest paging = PageRequest.of(page, size);
        return queries.projects(caller.sees(), roadmapId, status == null ? null : status.name(),
                axis == null ? null : axis.name(), paging.page(), paging.size());
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/{id}/history")
    public List<HistoryEntry> getProjectHistory(@PathVariable UUID id, Caller caller) {
        return audit.ofProject(id, caller.sees()).orElseThrow(() -> new NotFoundException("Project", id));
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @PostMapping("/{id}/assessment")
    public Updated assess(@PathVariable UUID id, @Valid @RequestBody AssessProjectRequest request,
                          @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        long version = commands.send(new AssessProject(id, caller, request.scores(), today(),
                IfMatch.expectedVersion(ifMatch)), "Project", id);
        return new Updated(id, ProjectStatus.ASSESSED.name(), version);
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @PostMapping("/{id}/start")
    public Updated start(@PathVariable UUID id, @Valid @RequestBody(required = false) TransitionRequest request,
                         @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        return move(id, ProjectTransition.START, request, ifMatch, caller);
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @PostMapping("/{id}/hold")
    public Updated hold(@PathVariable UUID id, @Valid @RequestBody(required = false) TransitionRequest request,
                        @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        return move(id, ProjectTransition.HOLD, request, ifMatch, caller);
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @PostMapping("/{id}/resume")
    public Updated resume(@PathVariable UUID id, @Valid @RequestBody(required = false) TransitionRequest request,
                          @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        return move(id, ProjectTransition.RESUME, request, ifMatch, caller);
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @PostMapping("/{id}/deliver")
    public Updated deliver(@PathVariable UUID id, @Valid @RequestBody(required = false) TransitionRequest request,
                           @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        return move(id, ProjectTransition.DELIVER, request, ifMatch, caller);
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @PostMapping("/{id}/close")
    public Updated close(@PathVariable UUID id, @Valid @RequestBody(required = false) TransitionRequest request,
                         @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        return move(id, ProjectTransition.CLOSE, request, ifMatch, caller);
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @PostMapping("/{id}/cancel")
    public Updated cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) TransitionRequest request,
                          @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        return move(id, ProjectTransition.CANCEL, request, ifMatch, caller);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @IdempotentCreation
    @PostMapping("/{id}/milestones")
    public ResponseEntity<Map<String, Object>> planMilestone(@PathVariable UUID id,
                                                             @Valid @RequestBody PlanMilestoneRequest request,
                                                             @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                             Caller caller) {
        return creations.createAnswering(request, milestoneId -> {
            long version = commands.send(new PlanMilestone(id, milestoneId, caller, request.title().strip(),
                    request.plannedDate(), IfMatch.expectedVersion(ifMatch)), "Project", id);
            var location = Created.location("/api/portfolio/projects/{id}/milestones/{milestoneId}", id, milestoneId);
            return ResponseEntity.created(location).body(Map.<String, Object>of("id", milestoneId, "version", version));
        }, (milestoneId, created) -> { });
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @PostMapping("/{id}/milestones/{milestoneId}/reach")
    public Updated reachMilestone(@PathVariable UUID id, @PathVariable UUID milestoneId,
                                  @Valid @RequestBody ReachMilestoneRequest request,
                                  @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        long version = commands.send(new ReachMilestone(id, milestoneId, caller, request.actualDate(), today(),
                IfMatch.expectedVersion(ifMatch)), "Project", id);
        return new Updated(id, null, version);
    }

    private Updated move(UUID id, ProjectTransition transition, TransitionRequest request, String ifMatch,
                         Caller caller) {
        String reason = request == null || request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        long version = commands.send(new MoveProject(id, caller, transition, reason, today(),
                IfMatch.expectedVersion(ifMatch)), "Project", id);
        return new Updated(id, transition.target().name(), version);
    }

    private static LocalDate today() {
        return LocalDate.now(FrenchTime.ZONE);
    }
}
