package fr.mutualis.portfolio.api;

import fr.mutualis.kit.api.IfMatch;
import fr.mutualis.kit.api.Page;
import fr.mutualis.kit.api.PageRequest;
import fr.mutualis.kit.creation.Creations;
import fr.mutualis.kit.creation.IdempotentCreation;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.query.ReadYourWrites;
import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.tenant.Caller;
import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.portfolio.messages.CloseRoadmap;
import fr.mutualis.portfolio.messages.DraftRoadmap;
import fr.mutualis.portfolio.messages.RoadmapStatus;
import fr.mutualis.portfolio.messages.SetPriorityWeights;
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
    private final Creations creations;
    private final PortfolioQueries queries;
    private final AuditTrail audit;

    RoadmapController(CommandSender commands, PortfolioQueries queries, AuditTrail audit, Creations creations) {
        this.creations = creations;
        this.commands = commands;
        this.queries = queries;
        this.audit = audit;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @IdempotentCreation
    @PostMapping
    public ResponseEntity<Map<String, Object>> draft(@Valid @RequestBody CreateRoadmapRequest request, Caller caller) {
        Owner owner = request.mutualisationId() == null ? caller.tenant() : Owner.mutualisation(request.mutualisationId());
        return creations.create(request, id -> {
            DraftRoadmap draft = new DraftRoadmap(id, caller, owner, request.title().strip(), request.startYear(),
                    request.endYear(), request.axes());
            if (request.mutualisationId() == null) {
                commands.sendAndWait(draft, "Roadmap", id);
            } else {
                commands.sendAndWait(draft, "Mutualisation", request.mutualisationId(), "mutualisationId");
            }
        }, id -> ReadYourWrites.awaitVisible(() -> queries.roadmap(id, caller.sees())));
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping
    public Page<RoadmapView> list(@RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size, Caller caller) {
        PageRequest paging = PageRequest.of(page, size);
        return queries.roadmaps(caller.sees(), paging.page(), paging.size());
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/{id}")
    public ResponseEntity<RoadmapView> get(@PathVariable UUID id, Caller caller) {
        RoadmapView roadmap = queries.roadmap(id, caller.sees())
                .orElseThrow(() -> new NotFoundException("Roadmap", id));
        return ResponseEntity.ok().eTag(String.valueOf(roadmap.version())).body(roadmap);
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/{id}/ranking")
    public RankingView getRoadmapRanking(@PathVariable UUID id, Caller caller) {
        return queries.ranking(id, caller.sees()).orElseThrow(() -> new NotFoundException("Roadmap", id));
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/{id}/history")
    public List<HistoryEntry> getRoadmapHistory(@PathVariable UUID id, Caller caller) {
        return audit.ofRoadmap(id, caller.sees()).orElseThrow(() -> new NotFoundException("Roadmap", id));
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @PutMapping("/{id}/weights")
    public Updated setRoadmapWeights(@PathVariable UUID id, @Valid @RequestBody PriorityWeightsRequest request,
                           @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        long version = commands.send(new SetPriorityWeights(id, caller, request.weights(),
                IfMatch.expectedVersion(ifMatch)), "Roadmap", id);
        return new Updated(id, null, version);
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @PostMapping("/{id}/close")
    public Updated close(@PathVariable UUID id, @Valid @RequestBody CloseRoadmapRequest request,
                         @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        long version = commands.send(new CloseRoadmap(id, caller, request.finalAssessment().strip(),
                IfMatch.expectedVersion(ifMatch)), "Roadmap", id);
        return new Updated(id, RoadmapStatus.CLOSED.name(), version);
    }
}
