package fr.mutualis.budget.api;

import fr.mutualis.budget.command.OpenBudgetLine;
import fr.mutualis.budget.command.Section;
import fr.mutualis.budget.query.BudgetLineView;
import fr.mutualis.budget.query.BudgetQueries;
import fr.mutualis.kit.api.Created;
import fr.mutualis.kit.api.Page;
import fr.mutualis.kit.api.PageRequest;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.tenant.TenantContext;
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
@RequestMapping("/api/budget/lines")
public class BudgetLineController {

    private final CommandGateway commands;
    private final BudgetQueries queries;

    public BudgetLineController(CommandGateway commands, BudgetQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> open(@Valid @RequestBody OpenBudgetLineRequest request, TenantContext tenant) {
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new OpenBudgetLine(id, tenant.tenantId(), request.fiscalYear(), request.section(),
                request.chapter(), request.label().strip(), request.projectId(), request.plannedCents()));
        return Created.at(id);
    }

    @GetMapping("/{id}")
    public ResponseEntity<BudgetLineView> get(@PathVariable UUID id, TenantContext tenant) {
        BudgetLineView line = queries.line(id, tenant.tenantId()).orElseThrow(() -> new NotFoundException("Budget line", id));
        return ResponseEntity.ok().eTag(String.valueOf(line.version())).body(line);
    }

    @GetMapping
    public Page<BudgetLineView> list(@RequestParam(required = false) Integer fiscalYear,
                                     @RequestParam(required = false) Section section,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size,
                                     TenantContext tenant) {
        PageRequest paging = PageRequest.of(page, size);
        return queries.lines(tenant.tenantId(), fiscalYear, section == null ? null : section.name(),
                paging.page(), paging.size());
    }
}
