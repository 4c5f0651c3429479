package fr.mutualis.portfolio.api;

import fr.mutualis.kit.api.Created;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.tenant.TenantContext;
import fr.mutualis.portfolio.command.DraftRoadmap;
import fr.mutualis.portfolio.query.PortfolioQueries;
import fr.mutualis.portfolio.query.RoadmapView;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/portfolio/roadmaps")
public class RoadmapController {

    private final CommandGateway commands;
    private final PortfolioQueries queries;

    public RoadmapController(CommandGateway commands, PortfolioQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> draft(@Valid @RequestBody CreateRoadmapRequest request, TenantContext tenant) {
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new DraftRoadmap(id, tenant.tenantId(), request.title().strip(), request.startYear(),
                request.endYear(), request.axes()));
        return Created.at(id);
    }

    @GetMapping("/{id}")
    public ResponseEntity<RoadmapView> get(@PathVariable UUID id, TenantContext tenant) {
        RoadmapView roadmap = queries.roadmap(id, tenant.tenantId()).orElseThrow(() -> new NotFoundException("Roadmap", id));
        return ResponseEntity.ok().eTag(String.valueOf(roadmap.version())).body(roadmap);
    }
}
