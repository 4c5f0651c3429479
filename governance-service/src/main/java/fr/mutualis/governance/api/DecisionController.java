package fr.mutualis.governance.api;

import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.governance.messages.AgendaItemKind;
import fr.mutualis.governance.messages.InstanceKind;
import fr.mutualis.governance.messages.Outcome;
import fr.mutualis.governance.query.DecisionView;
import fr.mutualis.governance.query.GovernanceQueries;
import fr.mutualis.governance.query.GovernanceQueries.DecisionFilter;
import fr.mutualis.kit.api.Page;
import fr.mutualis.kit.api.PageRequest;
import fr.mutualis.kit.error.InvalidInputException;
import fr.mutualis.kit.tenant.Caller;
import fr.mutualis.kit.tenant.Owner;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static fr.mutualis.kit.security.AllowedRoles.AGENT;
import static fr.mutualis.kit.security.AllowedRoles.ELU;
import static fr.mutualis.kit.security.AllowedRoles.PLATFORM_ADMIN;
import static fr.mutualis.kit.security.AllowedRoles.REPORTING;
import static fr.mutualis.kit.security.AllowedRoles.SHARED_SERVICE_ADMIN;

/** The decision register across séances and instances, and its open-data export. */
@RestController
@RequestMapping("/api/governance")
public class DecisionController {

    /** An export is bounded: at most this many délibérations, the newest. */
    private static final int EXPORT_LIMIT = 10_000;

    private final GovernanceQueries queries;

    public DecisionController(GovernanceQueries queries) {
        this.queries = queries;
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/decisions")
    public Page<DecisionView> listDecisions(@RequestParam(required = false) UUID instanceId,
                                       @RequestParam(required = false) AgendaItemKind kind,
                                       @RequestParam(required = false) Outcome outcome,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                       @RequestParam(required = false) InstanceKind instanceKind,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size,
                                       Caller caller) {
        PageRequest paging = PageRequest.of(page, size);
        checkRange(from, to);
        return queries.decisions(caller.tenantId(), new DecisionFilter(instanceId, name(kind), name(outcome), from, to,
                name(instanceKind), false), paging.page(), paging.size());
    }

    /**
     * The adopted, final decisions of the caller's deliberative assemblies as délibérations in the SCDL layout
     * (see {@link ScdlDeliberations} for the column mapping).
     */
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping(path = "/exports/scdl-deliberations", produces = "text/csv")
    public ResponseEntity<byte[]> exportDeliberationsScdl(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                       Caller caller) {
        checkRange(from, to);
        List<DecisionView> decisions = queries.decisions(caller.tenantId(), new DecisionFilter(null, null,
                Outcome.APPROVED.name(), from, to, InstanceKind.DELIBERATIVE_ASSEMBLY.name(), true), 0, EXPORT_LIMIT).items();
        String csv = ScdlDeliberations.csv(decisions, owner -> queries.collectiviteOfOwner(Owner.of(owner)));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"deliberations.csv\"")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInputException("from", "from must not be after to", "from-after-to");
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
