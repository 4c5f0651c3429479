package fr.mutualis.reporting.api;

import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.tenant.TenantContext;
import fr.mutualis.kit.tenant.TenantContextHolder;
import fr.mutualis.kit.web.ProblemDetailsHandler.FieldProblem;
import fr.mutualis.kit.web.Problems;
import fr.mutualis.reporting.report.Period;
import fr.mutualis.reporting.report.TerritoryReport;
import fr.mutualis.reporting.stream.TerritoryReportTopology;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The territory reports of a quarter, from the global table over {@code mutualis.reporting.territory} (every
 * instance holds every report). REPORTING reads every tenant of its token, any other caller its active tenant's:
 * the tenant's own report and those of the mutualisations it belongs to. Another tenant's report is not listed.
 */
@RestController
@RequestMapping("/api/reporting")
public class TerritoryReportController {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,4}");

    private final StreamsBuilderFactoryBean streams;

    public TerritoryReportController(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    /**
     * Named {@code list} so that its operation is {@code listTerritoryReports} (the kit's {@code OperationNames}).
     * The parameters are read as text and checked here, so that a missing or malformed one is refused naming it
     * (the job has not the services' validation): {@code @Parameter} documents what they accept.
     */
    @GetMapping("/territory")
    public ResponseEntity<TerritoryAnswer> list(
            @Parameter(required = true, schema = @Schema(type = "integer", format = "int32", minimum = "2000",
                    maximum = "2100")) @RequestParam(required = false) String fiscalYear,
            @Parameter(required = true, schema = @Schema(type = "integer", format = "int32", minimum = "1",
                    maximum = "4")) @RequestParam(required = false) String quarter) {
        List<FieldProblem> errors = new ArrayList<>();
        Integer year = number(fiscalYear, "fiscalYear", 2000, 2100, errors);
        Integer q = number(quarter, "quarter", 1, 4, errors);
        if (!errors.isEmpty()) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()));
            problem.setProperty("errors", errors);
            throw refused(problem);
        }
        TenantContext caller = TenantContextHolder.current().orElseThrow();
        Set<String> readable = caller.hasRole(AllowedRoles.REPORTING) ? Set.copyOf(caller.tenants())
                : caller.tenantId() == null ? Set.of() : Set.of(caller.tenantId());
        if (readable.isEmpty()) {
            throw refused(Problems.of(HttpStatus.BAD_REQUEST, "missing-tenant", "No active tenant",
                    "Several tenants allowed: choose one with X-Tenant-Id"));
        }
        String suffix = "/" + year + "/Q" + q;
        List<TerritoryReport> reports = new ArrayList<>();
        try (KeyValueIterator<String, TerritoryReport> all = store().all()) {
            all.forEachRemaining(entry -> {
                TerritoryReport report = entry.value;
                if (entry.key.endsWith(suffix) && report != null && (readable.contains(report.owner())
                        || report.members().stream().anyMatch(readable::contains))) {
                    reports.add(report);
                }
            });
        } catch (InvalidStateStoreException e) {
            ErrorResponseException unavailable = refused(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "Reports not ready", "The reporting job is starting or rebalancing: retry shortly"));
            unavailable.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
            throw unavailable;
        }
        reports.sort(Comparator.comparing(TerritoryReport::ownerKind).thenComparing(TerritoryReport::owner));
        return ResponseEntity.ok(new TerritoryAnswer(year, q, reports));
    }

    private ReadOnlyKeyValueStore<String, TerritoryReport> store() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            throw new InvalidStateStoreException("not started");
        }
        return kafkaStreams.store(StoreQueryParameters.fromNameAndType(TerritoryReportTopology.REPORTS_STORE,
                QueryableStoreTypes.keyValueStore()));
    }

    /** A required integer parameter within bounds; ASCII digits only, as the services' integer parameters. */
    private static Integer number(String value, String field, int min, int max, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldProblem(field, "is required"));
            return null;
        }
        if (!DIGITS.matcher(value).matches() || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            errors.add(new FieldProblem(field, "must be an integer between " + min + " and " + max));
            return null;
        }
        return Integer.parseInt(value);
    }

    /**
     * A refusal thrown rather than returned, so that the handler's return type is its one answer and the OpenAPI
     * document can describe it; Spring answers it as the problem+json it carries.
     */
    private static ErrorResponseException refused(ProblemDetail problem) {
        return new ErrorResponseException(HttpStatus.valueOf(problem.getStatus()), problem, null);
    }
}
