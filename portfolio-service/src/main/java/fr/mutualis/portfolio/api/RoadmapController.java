package fr.mutualis.portfolio.api;

import fr.mutualis.kit.api.Created;
import fr.mutualis.kit.api.IfMatch;
import fr.mutualis.kit.api.Page;
import fr.mutualis.kit.api.PageRequest;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.query.ReadYourWrites;
import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.tenant.TenantContext;
import fr.mutualis.portfolio.command.Actor;
import fr.mutualis.portfolio.command.CloseRoadmap;
import fr.mutualis.portfolio.command.DraftRoadmap;
import fr.mutualis.portfolio.command.RoadmapStatus;
import fr.mutualis.portfolio.command.SetPriorityWeights;
import fr.mutualis.portfolio.query.AuditTrail;
import fr.mutualis.portfolio.query.HistoryEntry;
import fr.mutualis.portfolio.query.PortfolioQueries;
import fr.mutualis.portfolio.query.RankingView;
import fr.mutualis.portfolio.query.RoadmapView;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.mutualis.kit.security.AllowedRoles.AGENT;
import static fr.mutualis.kit.security.AllowedRoles.ELU;
import static fr.mutualis.kit.security.AllowedRoles.PLATFORM_ADMIN;
import static fr.mutualis.kit.security.AllowedRoles.REPORTING;
import static fr.mutualis.kit.security.AllowedRoles.SHARED_SERVICE_ADMIN;

/**
 * Roadmaps (schémas directeurs). Adoption is not here: only an approved ROADMAP_ADOPTION decision of governance
 * adopts a roadmap.
 */
@RestController
@RequestMapping("/api/portfolio/roadmaps")
public class RoadmapController {

    private final CommandSender commands;
    private final PortfolioQueries queries;
    private final AuditTrail audit;
    private final Actors actors;

    RoadmapController(CommandSender commands, PortfolioQueries queries, AuditTrail audit, Actors actors) {
        this.commands = commands;
        this.queries = queries;
        this.audit = audit;
        this.actors = actors;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @PostMapping
    public ResponseEntity<Map<String, Object>> draft(@Valid @RequestBody CreateRoadmapRequest request, TenantContext tenant) {
        UUID id = UUID.randomUUID();
        Actor actor = actors.of(tenant);
        String owner = request.mutualisationId() == null ? actor.tenantId() : request.mutualisationId().toString();
        DraftRoadmap draft = new DraftRoadmap(id, actor, owner, request.title().strip(), request.startYear(),
                request.endYear(), request.axes());
        if (request.mutualisationId() == null) {
            commands.sendAndWait(draft, "Roadmap", id);
        } else {
            commands.sendAndWait(draft, "Mutualisation", request.mutualisationId(), "mutualisationId");
        }
        ReadYourWrites.awaitVisible(() -> queries.roadmap(id, actor.sees()));
        return Created.at(id);
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping
    public Page<RoadmapView> list(@RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size, TenantContext tenant) {
        PageRequest paging = PageRequest.of(page, size);
        return queries.roadmaps(actors.of(tenant).sees(), paging.page(), paging.size());
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/{id}")
    public ResponseEntity<RoadmapView> get(@PathVariable UUID id, TenantContext tenant) {
        RoadmapView roadmap = queries.roadmap(id, actors.of(tenant).sees())
                .orElseThrow(() -> new NotFoundException("Roadmap", id));
        return ResponseEntity.ok().eTag(String.valueOf(roadmap.version())).body(roadmap);
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/{id}/ranking")
    public RankingView getRoadmapRanking(@PathVariable UUID id, TenantContext tenant) {
        return queries.ranking(id, actors.of(tenant).sees()).orElseThrow(() -> new NotFoundException("Roadmap", id));
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/{id}/history")
    public List<HistoryEntry> getRoadmapHistory(@PathVariable UUID id, TenantContext tenant) {
        return audit.ofRoadmap(id, actors.of(tenant).sees()).orElseThrow(() -> new NotFoundException("Roadmap", id));
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @PutMapping("/{id}/weights")
    public Updated setRoadmapWeights(@PathVariable UUID id, @Valid @RequestBody PriorityWeightsRequest request,
                           @RequestHeader(name = "If-Match", required = false) String ifMatch, TenantContext tenant) {
        long version = commands.send(new SetPriorityWeights(id, actors.of(tenant), request.weights(),
                IfMatch.expectedVersion(ifMatch)), "Roadmap", id);
        return new Updated(id, null, version);
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @PostMapping("/{id}/close")
    public Updated close(@PathVariable UUID id, @Valid @RequestBody CloseRoadmapRequest request,
                         @RequestHeader(name = "If-Match", required = false) String ifMatch, TenantContext tenant) {
        long version = commands.send(new CloseRoadmap(id, actors.of(tenant), request.finalAssessment().strip(),
                IfMatch.expectedVersion(ifMatch)), "Roadmap", id);
        return new Updated(id, RoadmapStatus.CLOSED.name(), version);
    }
}
