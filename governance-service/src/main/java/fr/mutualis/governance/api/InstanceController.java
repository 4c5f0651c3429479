package fr.mutualis.governance.api;

import fr.mutualis.governance.messages.AgendaItem;
import fr.mutualis.governance.messages.ArbitratedAmount;
import fr.mutualis.governance.messages.CreateInstance;
import fr.mutualis.governance.messages.InstanceMember;
import fr.mutualis.governance.messages.ScheduleSession;
import fr.mutualis.governance.query.AuditTrail;
import fr.mutualis.governance.query.CadenceView;
import fr.mutualis.governance.query.GovernanceQueries;
import fr.mutualis.governance.query.InstanceView;
import fr.mutualis.governance.query.SessionSummary;
import fr.mutualis.kit.api.Created;
import fr.mutualis.kit.api.IfMatch;
import fr.mutualis.kit.api.Page;
import fr.mutualis.kit.api.PageRequest;
import fr.mutualis.kit.creation.Creations;
import fr.mutualis.kit.creation.IdempotentCreation;
import fr.mutualis.kit.error.InvalidInputException;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.mutualisation.Mutualisation;
import fr.mutualis.kit.mutualisation.MutualisationDirectory;
import fr.mutualis.kit.query.ReadYourWrites;
import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.tenant.Caller;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import fr.mutualis.kit.error.NotPermittedException;
import fr.mutualis.kit.time.FrenchTime;
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
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.mutualis.kit.security.AllowedRoles.AGENT;
import static fr.mutualis.kit.security.AllowedRoles.ELU;
import static fr.mutualis.kit.security.AllowedRoles.PLATFORM_ADMIN;
import static fr.mutualis.kit.security.AllowedRoles.REPORTING;
import static fr.mutualis.kit.security.AllowedRoles.SHARED_SERVICE_ADMIN;

/** Governance instances: set-up, séances convened, and whether they sit as often as their cadence says. */
@RestController
@RequestMapping("/api/governance/instances")
public class InstanceController {

    /** Bounds a cadence report: 20 years of monthly periods is already 240 rows. */
    private static final Period MAX_CADENCE_RANGE = Period.ofYears(20);

    private final CommandGateway commands;
    private final Creations creations;
    private final GovernanceQueries queries;
    private final MutualisationDirectory mutualisations;
    private final AuditTrail auditTrail;
    private final AgendaReferences agendaReferences;

    public InstanceController(CommandGateway commands, GovernanceQueries queries, MutualisationDirectory mutualisations,
                              AuditTrail auditTrail, AgendaReferences agendaReferences, Creations creations) {
        this.creations = creations;
        this.commands = commands;
        this.queries = queries;
        this.mutualisations = mutualisations;
        this.auditTrail = auditTrail;
        this.agendaReferences = agendaReferences;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @IdempotentCreation
    @PostMapping
    public ResponseEntity<Map<String, Object>> create(@Valid @RequestBody CreateInstanceRequest request, Caller caller) {
        caller.requireWriter();
        if (request.mutualisationId() != null) {
            Mutualisation mutualisation = mutualisations.find(request.mutualisationId())
                    .filter(found -> found.isAdministeredBy(caller.tenantId()) || found.hasMember(caller.tenantId()))
                    .orElseThrow(() -> new NotFoundException("Mutualisation", request.mutualisationId()));
            if (!mutualisation.isAdministeredBy(caller.tenantId()) || !InstanceManagers.administersSharedServices(caller)) {
                throw new NotPermittedException("A mutualisation's instances are set up by its EPCI's shared-service administrators");
            }
        }
        List<InstanceMember> members = request.members().stream()
                .map(member -> new InstanceMember(member.personId().strip(), member.name().strip(), member.role().strip(),
                        member.collectiviteSiren(), member.voting(), Boolean.TRUE.equals(member.chair())))
                .toList();
        return creations.create(request, id -> commands.sendAndWait(new CreateInstance(id, caller,
                        request.mutualisationId(), request.name().strip(), request.kind(), request.cadence(),
                        request.quorum(), members)),
                id -> ReadYourWrites.awaitVisible(() -> queries.instance(id, caller.tenantId())));
    }

    /** The instances of the caller's tenant and of the mutualisations it belongs to or administers. */
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping
    public Page<InstanceView> list(@RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size,
                                   Caller caller) {
        PageRequest paging = PageRequest.of(page, size);
        return queries.instances(caller.tenantId(), paging.page(), paging.size());
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/{id}/sessions")
    public List<SessionSummary> listInstanceSessions(@PathVariable UUID id, Caller caller) {
        return queries.sessions(visible(id, caller).id());
    }

    /** The audit trail of the instance and its séances: every write with its time, user and tenant. */
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/{id}/history")
    public List<AuditTrail.Entry> getInstanceHistory(@PathVariable UUID id, Caller caller) {
        return auditTrail.of(visible(id, caller).id().toString());
    }

    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/{id}")
    public ResponseEntity<InstanceView> get(@PathVariable UUID id, Caller caller) {
        InstanceView instance = visible(id, caller);
        return ResponseEntity.ok().eTag(String.valueOf(instance.version())).body(instance);
    }

    /**
     * Convenes a séance. What its agenda names in portfolio and budget (subjects, arbitrated amounts) must be visible
     * to the caller's tenant and of the right kind: 404 or 422 naming the field (see AgendaReferences), after waiting
     * a moment for an object just created in another service.
     */
    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    @IdempotentCreation
    @PostMapping("/{id}/sessions")
    public ResponseEntity<Map<String, Object>> scheduleSession(@PathVariable UUID id,
                                                        @Valid @RequestBody ScheduleSessionRequest request,
                                                        @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                        Caller caller) {
        InstanceView instance = visible(id, caller);
        InstanceManagers.requireManages(caller, instance);
        agendaReferences.check(caller.tenantId(), request.agenda());
        return creations.createAnswering(request, sessionId -> {
            List<AgendaItem> agenda = request.agenda().stream()
                    .map(item -> new AgendaItem(UUID.randomUUID(), item.kind(), item.title().strip(),
                            item.subjectId() == null || item.subjectId().isBlank() ? null : item.subjectId().strip(),
                            item.amounts() == null ? List.of() : item.amounts().stream()
                                    .map(amount -> new ArbitratedAmount(amount.budgetLineId(), amount.projectId(),
                                            amount.amountCents()))
                                    .toList()))
                    .toList();
            long version = commands.sendAndWait(new ScheduleSession(id, sessionId, caller,
                    request.scheduledAt().toInstant(), agenda, request.reconvenedFrom(), IfMatch.expectedVersion(ifMatch),
                    request.convenedAt() == null ? convenedToday(request.scheduledAt().toInstant()) : request.convenedAt(),
                    Boolean.TRUE.equals(request.urgent())));
            var location = Created.location("/api/governance/sessions/{id}", sessionId);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", sessionId);
            body.put("agendaItemIds", agenda.stream().map(AgendaItem::agendaItemId).toList());
            body.put("version", version);
            return ResponseEntity.created(location).body(body);
        }, (sessionId, created) -> ReadYourWrites.awaitVisible(() -> queries.instanceOfSession(sessionId, caller.tenantId())));
    }

    /**
     * A convocation not dated was sent today; a séance recorded after the fact (dated in the past) was convened at the
     * latest on its own day, the only date that can be said of it.
     */
    private static LocalDate convenedToday(java.time.Instant scheduledAt) {
        LocalDate today = LocalDate.now(FrenchTime.ZONE);
        LocalDate seance = LocalDate.ofInstant(scheduledAt, FrenchTime.ZONE);
        return today.isAfter(seance) ? seance : today;
    }

    /** Séances held against the instance's cadence between {@code from} and {@code to} (default: the last year). */
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/{id}/cadence")
    public CadenceView getInstanceCadence(@PathVariable UUID id,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               Caller caller) {
        InstanceView instance = visible(id, caller);
        LocalDate end = to == null ? LocalDate.now(FrenchTime.ZONE) : to;
        LocalDate start = from == null ? end.minusYears(1).plusDays(1) : from;
        checkRange(start, end);
        return queries.cadence(instance, start, end);
    }

    /** The cadence report of every instance the caller's tenant sees. */
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping("/cadence")
    public List<CadenceView> listCadences(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                      Caller caller) {
        checkRange(from, to);
        return queries.instances(caller.tenantId()).stream()
                .map(instance -> queries.cadence(instance, from, to))
                .toList();
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new InvalidInputException("from", "from must not be after to", "from-after-to");
        }
        if (from.plus(MAX_CADENCE_RANGE).isBefore(to)) {
            throw new InvalidInputException("to", "a cadence report covers at most 20 years", "cadence-range");
        }
    }

    private InstanceView visible(UUID id, Caller caller) {
        return queries.instance(id, caller.tenantId()).orElseThrow(() -> new NotFoundException("Instance", id));
    }
}
