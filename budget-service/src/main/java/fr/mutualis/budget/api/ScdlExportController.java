package fr.mutualis.budget.api;

import fr.mutualis.budget.messages.BudgetStage;
import fr.mutualis.budget.messages.M57Chapters;
import fr.mutualis.budget.query.BudgetQueries;
import fr.mutualis.budget.query.GovernanceDirectory;
import fr.mutualis.budget.query.ScdlLine;
import fr.mutualis.kit.csv.ScdlPublisher;
import fr.mutualis.kit.csv.SpreadsheetCsv;
import fr.mutualis.kit.mutualisation.MutualisationDirectory;
import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.tenant.Caller;
import fr.mutualis.kit.tenant.Owner;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fr.mutualis.kit.security.AllowedRoles.AGENT;
import static fr.mutualis.kit.security.AllowedRoles.ELU;
import static fr.mutualis.kit.security.AllowedRoles.PLATFORM_ADMIN;
import static fr.mutualis.kit.security.AllowedRoles.REPORTING;
import static fr.mutualis.kit.security.AllowedRoles.SHARED_SERVICE_ADMIN;

/**
 * Open-data export of the caller's budget at one stage, in the SCDL "budget" layout (schema.data.gouv.fr
 * scdl/budget 0.8.3), with the values its field rules define: one row per line voted at that stage. An EPCI's budget
 * carries the services communs it administers (CGCT art. L5211-4-2: the EPCI bears their costs, then recovers them
 * from the members), so its export also lists the lines of the mutualisations it administers; a member's does not
 * (its share is an allocation, not a line). What is filled, and how:
 * <ul>
 *   <li>BGT_NATDEC: budget primitif, budget supplémentaire, décision modificative or compte administratif;</li>
 *   <li>BGT_ANNEE: the fiscal year; BGT_SIRET and BGT_NOM: the SIRET of the collectivité's siège and its name, as
 *       governance's directory published them. Both are required: a collectivité registered without SIRET cannot
 *       export its lines (422 {@code siret-unknown}, see {@link ScdlPublisher}); with no line, the file is the
 *       header alone;</li>
 *   <li>BGT_CONTNAT / BGT_CONTNAT_LABEL: the M57 chapter and its title; BGT_NATURE: the chapter as well (lines are
 *       voted by chapter, not by article); BGT_NATURE_LABEL: the line's label, after the mutualisation's name for
 *       a service commun's line;</li>
 *   <li>BGT_FONCTION, BGT_FONCTION_LABEL, BGT_OPERATION, BGT_MTRARPREC, BGT_ARTSPE: empty (vote by nature, no
 *       functional presentation, no carried-over amounts);</li>
 *   <li>BGT_SECTION: investissement or fonctionnement; BGT_OPBUDG: réel and BGT_CODRD: dépense, as every chapter a
 *       line may take ({@link M57Chapters}) is one of real expenditure: the platform budgets spending on its digital
 *       roadmap, neither revenue nor the transfers between sections (opérations d'ordre);</li>
 *   <li>BGT_MTBUDGPREC: credits before the stage's first vote; BGT_MTPREV and BGT_CREDOUV: credits after its last
 *       vote; BGT_MTPROPNOUV: the difference; at CA only, BGT_MTREAL: mandated, BGT_MTRAR3112: engaged not
 *       mandated (restes à réaliser).</li>
 * </ul>
 * Amounts in euros with a decimal point and two decimals, unquoted; text quoted, and made inert when a spreadsheet
 * would run it as a formula (see {@link SpreadsheetCsv}); comma-separated, RFC 4180, UTF-8.
 */
@RestController
@RequestMapping("/api/budget/exports/scdl")
public class ScdlExportController {

    static final List<String> COLUMNS = List.of("BGT_NATDEC", "BGT_ANNEE", "BGT_SIRET", "BGT_NOM", "BGT_CONTNAT",
            "BGT_CONTNAT_LABEL", "BGT_NATURE", "BGT_NATURE_LABEL", "BGT_FONCTION", "BGT_FONCTION_LABEL", "BGT_OPERATION",
            "BGT_SECTION", "BGT_OPBUDG", "BGT_CODRD", "BGT_MTREAL", "BGT_MTBUDGPREC", "BGT_MTRARPREC", "BGT_MTPROPNOUV",
            "BGT_MTPREV", "BGT_CREDOUV", "BGT_MTRAR3112", "BGT_ARTSPE");

    private static final Map<BudgetStage, String> NATDEC = Map.of(
            BudgetStage.BP, "budget primitif",
            BudgetStage.BS, "budget supplémentaire",
            BudgetStage.DM, "décision modificative",
            BudgetStage.CA, "compte administratif");

    /** BGT_SECTION's values, by the line's section. */
    private static final Map<String, String> SECTION = Map.of(
            "INVESTMENT", "investissement",
            "OPERATING", "fonctionnement");
    /** BGT_OPBUDG's value for a real operation, the only kind a line records. */
    private static final String REAL_OPERATION = "réel";
    /** BGT_CODRD's value for spending, the only direction a line records. */
    private static final String SPENDING = "dépense";

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final BudgetQueries queries;
    private final GovernanceDirectory governance;
    private final MutualisationDirectory mutualisations;

    public ScdlExportController(BudgetQueries queries, GovernanceDirectory governance, MutualisationDirectory mutualisations) {
        this.queries = queries;
        this.governance = governance;
        this.mutualisations = mutualisations;
    }

    @Operation(summary = "SCDL budget CSV of the caller's fiscal year at one stage",
            description = "Columns of the SCDL budget schema; see the class documentation for which are filled and how.")
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
    @GetMapping(produces = "text/csv")
    public ResponseEntity<String> exportBudgetScdl(@RequestParam @Min(2000) @Max(2100) int fiscalYear,
                                         @RequestParam BudgetStage stage, Caller caller) {
        String siren = caller.tenantId();
        Map<Owner, String> owners = new LinkedHashMap<>(Map.of(caller.tenant(), ""));
        mutualisations.administeredBy(siren).stream()
                .flatMap(id -> mutualisations.find(id).stream())
                .forEach(mutualisation -> owners.put(Owner.mutualisation(mutualisation.id()), mutualisation.name() + " : "));
        boolean account = stage == BudgetStage.CA;
        List<ScdlLine> lines = queries.scdlLines(owners.keySet(), fiscalYear, stage.name());
        ScdlPublisher publisher = lines.isEmpty() ? null : governance.scdlPublisher(siren);
        List<List<Object>> rows = new ArrayList<>();
        for (ScdlLine line : lines) {
            rows.add(Arrays.asList(NATDEC.get(stage), fiscalYear, publisher.siret(), publisher.name(), line.chapter(),
                    M57Chapters.label(line.chapter()), line.chapter(), owners.get(Owner.of(line.ownerId())) + line.label(), null, null,
                    null, SECTION.get(line.section()), REAL_OPERATION, SPENDING,
                    account ? euros(line.mandatedCents()) : null, euros(line.previousCents()), null,
                    euros(line.creditsCents() - line.previousCents()), euros(line.creditsCents()),
                    euros(line.creditsCents()), account ? euros(line.engagedCents() - line.mandatedCents()) : null, null));
        }
        String csv = SpreadsheetCsv.write(COLUMNS, rows);
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"budget-" + siren + "-" + fiscalYear + "-" + stage + ".csv\"")
                .body(csv);
    }

    private static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
