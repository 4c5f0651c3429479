package fr.mutualis.portfolio.api;

import fr.mutualis.kit.api.Created;
import fr.mutualis.kit.api.Page;
import fr.mutualis.kit.api.PageRequest;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.tenant.TenantContext;
import fr.mutualis.portfolio.command.Axis;
import fr.mutualis.portfolio.command.ProjectStatus;
import fr.mutualis.portfolio.command.ProposeProject;
import fr.mutualis.portfolio.query.PortfolioQueries;
import fr.mutualis.portfolio.query.ProjectView;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/portfolio/projects")
public class ProjectController {

    private final CommandGateway commands;
    private final PortfolioQueries queries;

    public ProjectController(CommandGateway commands, PortfolioQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> propose(@Valid @RequestBody ProposeProjectRequest request, TenantContext tenant) {
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new ProposeProject(request.roadmapId(), id, tenant.tenantId(), request.title().strip(),
                request.description(), request.axis(), request.theme(), request.sponsor(), request.manager(),
                request.plannedStart(), request.plannedEnd(), request.estimatedInvestmentCents(),
                request.estimatedOperatingCents()));
        return Created.at(id);
    }

    @GetMapping("/{id}")
    public ResponseEntity<ProjectView> get(@PathVariable UUID id, TenantContext tenant) {
        ProjectView project = queries.project(id, tenant.tenantId()).orElseThrow(() -> new NotFoundException("Project", id));
        return ResponseEntity.ok().eTag(String.valueOf(project.version())).body(project);
    }

    @GetMapping
    public Page<ProjectView> list(@RequestParam(required = false) UUID roadmapId,
                                  @RequestParam(required = false) ProjectStatus status,
                                  @RequestParam(required = false) Axis axis,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size,
                                  TenantContext tenant) {
        PageRequest paging = PageRequest.of(page, size);
        return queries.projects(tenant.tenantId(), roadmapId, status == null ? null : status.name(),
                axis == null ? null : axis.name(), paging.page(), paging.size());
    }
}
