package fr.mutualis.console.web;

import fr.mutualis.console.format.FrenchFormats;
import fr.mutualis.console.platform.ApiResult;
import fr.mutualis.console.platform.PlatformClient;
import fr.mutualis.console.sheet.Sheets;
import fr.mutualis.console.web.BudgetForms.LineForm;
import fr.mutualis.console.web.BudgetForms.ProgrammeForm;
import fr.mutualis.console.web.BudgetForms.RatesForm;
import fr.mutualis.console.web.BudgetForms.SpendingForm;
import fr.mutualis.console.web.BudgetForms.TransferForm;
import fr.mutualis.console.web.BudgetForms.VoteForm;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Budget: the lines of a fiscal year by section and chapter with their credits and a chart per section, a line's
 * votes, engagements, mandates, transfers and arbitrations with their forms, the programmes (AP/CP), the transfers
 * between chapters within the delegated rate, and the SCDL open-data downloads. Every figure is the API's; the forms
 * are offered to the roles the API lets write (not REPORTING), and the API decides in the end.
 */
@Controller
class BudgetController {

    static final List<String> SECTIONS = List.of("INVESTMENT", "OPERATING");
    static final List<String> STAGES = List.of("BP", "BS", "DM", "CA");
    /** Years the API accepts (@Min(2000) @Max(2100)); any other in the address is the current year. */
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;
    private static final int LINES_PAGE = 200;

    private final PlatformClient platform;
    private final BudgetRefusals refusals;
    private final Sheets sheets;

    BudgetController(PlatformClient platform, BudgetRefusals refusals, Sheets sheets) {
        this.platform = platform;
        this.refusals = refusals;
        this.sheets = sheets;
    }

    @ModelAttribute("stages")
    List<String> stages() {
        return STAGES;
    }

    @ModelAttribute("sections")
    List<String> sections() {
        return SECTIONS;
    }

    // ------------------------------------------------------------------------------------------------ the year

    @GetMapping("/budget")
    String budget(@RequestParam(required = false) Integer fiscalYear, Model model) {
        int year = year(fiscalYear);
        return yearPage(year, model, LineForm.empty(year, null));
    }

    @PostMapping("/budget/lignes")
    String openLine(@ModelAttribute LineForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        ApiResult result = platform.post("/api/budget/lines", form.json());
        if (!result.accepted()) {
            int year = yearOf(form.fiscalYear());
            return refusals.show(model, response, result, "line", "label", yearPage(year, model, form));
        }
        flash.addFlashAttribute("notice", "budget.line.opened");
        return "redirect:/budget/lignes/" + result.id();
    }

    /** The year's lines as a file, all of them, in the page's order (section, chapter, label). */
    @GetMapping("/budget/lignes/export.{format}")
    ResponseEntity<byte[]> exportLines(@PathVariable String format, @RequestParam(required = false) Integer fiscalYear) {
        int year = year(fiscalYear);
        List<Map<String, Object>> lines = sorted(SheetFiles.allPages(platform, "/api/budget/lines",
                Map.of("fiscalYear", year)));
        return SheetFiles.download("lignes-budgetaires-" + year, format,
                sheets.table("Lignes " + year, SheetLayouts.LINES, lines));
    }

    private String yearPage(int year, Model model, LineForm form) {
        List<Map<String, Object>> lines = sorted(Lists.items(platform.get("/api/budget/lines",
                Map.of("fiscalYear", year, "size", LINES_PAGE))));
        Map<String, Object> summary = platform.get("/api/budget/summary", Map.of("fiscalYear", year));
        model.addAttribute("fiscalYear", year);
        model.addAttribute("years", years(year));
        model.addAttribute("lines", lines);
        model.addAttribute("bySection", bySection(lines));
        model.addAttribute("summary", summary);
        model.addAttribute("form", form);
        return "budget/index";
    }

    /** The section's lines, by chapter then label: the order of the vote (chapitre) and of the SCDL export. */
    private static List<Map<String, Object>> sorted(List<Map<String, Object>> lines) {
        return lines.stream().sorted(Comparator
                .comparing((Map<String, Object> line) -> SECTIONS.indexOf(String.valueOf(line.get("section"))))
                .thenComparing(line -> String.valueOf(line.get("chapter")))
                .thenComparing(line -> String.valueOf(line.get("label")))).toList();
    }

    private static Map<String, List<Map<String, Object>>> bySection(List<Map<String, Object>> lines) {
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        SECTIONS.forEach(section -> sections.put(section, lines.stream()
                .filter(line -> section.equals(line.get("section"))).toList()));
        return sections;
    }

    // ------------------------------------------------------------------------------------------------ a line

    @GetMapping("/budget/lignes/{id}")
    String line(@PathVariable UUID id, Model model) {
        return linePage(id, model, VoteForm.empty(), SpendingForm.empty(), null, null);
    }

    @PostMapping("/budget/lignes/{id}/votes")
    String vote(@PathVariable UUID id, @ModelAttribute VoteForm form, Model model, HttpServletResponse response,
                RedirectAttributes flash) {
        Map<String, Object> line = platform.get("/api/budget/lines/{id}", id);
        ApiResult result = platform.post("/api/budget/votes", form.json(line.get("fiscalYear"), id.toString()));
        if (!result.accepted()) {
            return refusals.show(model, response, result, "vote", "stage",
                    linePage(id, model, form, SpendingForm.empty(), null, null));
        }
        flash.addFlashAttribute("notice", "budget.vote.recorded");
        return "redirect:/budget/lignes/" + id + "#votes";
    }

    @PostMapping("/budget/lignes/{id}/engagements")
    String engage(@PathVariable UUID id, @ModelAttribute SpendingForm form, Model model, HttpServletResponse response,
                  RedirectAttributes flash) {
        ApiResult result = platform.post("/api/budget/lines/{id}/engagements", form.json(), id);
        if (!result.accepted()) {
            return refusals.show(model, response, result, "engagement", "amountCents",
                    linePage(id, model, VoteForm.empty(), form, null, null));
        }
        flash.addFlashAttribute("notice", "budget.engagement.recorded");
        return "redirect:/budget/lignes/" + id + "#engagements";
    }

    @PostMapping("/budget/lignes/{id}/engagements/{engagementId}/mandats")
    String mandate(@PathVariable UUID id, @PathVariable UUID engagementId, @ModelAttribute SpendingForm form,
                   Model model, HttpServletResponse response, RedirectAttributes flash) {
        ApiResult result = platform.post("/api/budget/engagements/{id}/mandates", form.json(), engagementId);
        if (!result.accepted()) {
            return refusals.show(model, response, result, "mandate-" + engagementId, "amountCents",
                    linePage(id, model, VoteForm.empty(), SpendingForm.empty(), engagementId, form));
        }
        flash.addFlashAttribute("notice", "budget.mandate.recorded");
        return "redirect:/budget/lignes/" + id + "#engagements";
    }

    private String linePage(UUID id, Model model, VoteForm vote, SpendingForm engagement, UUID mandatedEngagement,
                            SpendingForm mandate) {
        Map<String, Object> line = platform.get("/api/budget/lines/{id}", id);
        model.addAttribute("line", line);
        model.addAttribute("availableCents", available(line));
        model.addAttribute("closed", "CA".equals(line.get("lastStage")));
        model.addAttribute("voteForm", vote);
        model.addAttribute("engagementForm", engagement);
        model.addAttribute("mandateEngagementId", mandatedEngagement == null ? null : mandatedEngagement.toString());
        model.addAttribute("mandateForm", mandate != null ? mandate : SpendingForm.empty());
        Set<Object> counterparts = new LinkedHashSet<>();
        Lists.of(line.get("transfers")).forEach(transfer -> counterparts.add(transfer.get("counterpartLineId")));
        Map<String, Object> labels = new LinkedHashMap<>();
        counterparts.forEach(other -> labels.put(String.valueOf(other),
                platform.get("/api/budget/lines/{id}", other).get("label")));
        model.addAttribute("counterparts", labels);
        return "budget/line";
    }

    private static long available(Map<String, Object> line) {
        return number(line.get("votedCents")) - number(line.get("engagedCents"));
    }

    // ------------------------------------------------------------------------------------------------ programmes

    @GetMapping("/budget/programmes")
    String programmes(@RequestParam(required = false) Integer fiscalYear, Model model) {
        return programmesPage(year(fiscalYear), model, ProgrammeForm.empty());
    }

    @PostMapping("/budget/programmes")
    String createProgramme(@ModelAttribute ProgrammeForm form, Model model, HttpServletResponse response,
                           RedirectAttributes flash) {
        ApiResult result = platform.post("/api/budget/programmes", form.createJson());
        if (!result.accepted()) {
            return refusals.show(model, response, result, "programme", "amountCents",
                    programmesPage(year(null), model, form));
        }
        flash.addFlashAttribute("notice", "budget.programme.created");
        return "redirect:/budget/programmes/" + result.id();
    }

    /**
     * The APs the year's lines spend (the API lists programmes one by one; a line names the programme whose CP it
     * spends), with the form to create one.
     */
    private String programmesPage(int year, Model model, ProgrammeForm form) {
        Set<Object> ids = new LinkedHashSet<>();
        Lists.items(platform.get("/api/budget/lines", Map.of("fiscalYear", year, "size", LINES_PAGE)))
                .forEach(line -> {
                    if (line.get("programmeId") != null) {
                        ids.add(line.get("programmeId"));
                    }
                });
        model.addAttribute("programmes", ids.stream().map(id -> platform.get("/api/budget/programmes/{id}", id)).toList());
        model.addAttribute("fiscalYear", year);
        model.addAttribute("years", years(year));
        model.addAttribute("form", form);
        return "budget/programmes";
    }

    @GetMapping("/budget/programmes/{id}")
    String programme(@PathVariable UUID id, Model model) {
        return programmePage(id, model, null);
    }

    @PostMapping("/budget/programmes/{id}/revisions")
    String revise(@PathVariable UUID id, @ModelAttribute ProgrammeForm form, Model model, HttpServletResponse response,
                  RedirectAttributes flash) {
        ApiResult result = platform.post("/api/budget/programmes/{id}/revisions", form.revisionJson(), id);
        if (!result.accepted()) {
            return refusals.show(model, response, result, "revision", "amountCents", programmePage(id, model, form));
        }
        flash.addFlashAttribute("notice", "budget.programme.revised");
        return "redirect:/budget/programmes/" + id + "#revisions";
    }

    private String programmePage(UUID id, Model model, ProgrammeForm revision) {
        Map<String, Object> programme = platform.get("/api/budget/programmes/{id}", id);
        model.addAttribute("programme", programme);
        model.addAttribute("form", revision != null ? revision : ProgrammeForm.revising(programme));
        return "budget/programme";
    }

    // ------------------------------------------------------------------------------------------------ transfers

    @GetMapping("/budget/virements")
    String transfers(@RequestParam(required = false) Integer fiscalYear, Model model) {
        int year = year(fiscalYear);
        return transfersPage(year, model, TransferForm.empty(), RatesForm.empty());
    }

    @PostMapping("/budget/virements")
    String transfer(@RequestParam int fiscalYear, @ModelAttribute TransferForm form, Model model,
                    HttpServletResponse response, RedirectAttributes flash) {
        int year = year(fiscalYear);
        ApiResult result = platform.post("/api/budget/transfers", form.json());
        if (!result.accepted()) {
            return refusals.show(model, response, result, "transfer", "amountCents",
                    transfersPage(year, model, form, RatesForm.empty()));
        }
        flash.addFlashAttribute("notice", "budget.transfer.made");
        return "redirect:/budget/virements?fiscalYear=" + year;
    }

    @PostMapping("/budget/virements/taux")
    String voteRates(@RequestParam int fiscalYear, @ModelAttribute RatesForm form, Model model,
                     HttpServletResponse response, RedirectAttributes flash) {
        int year = year(fiscalYear);
        ApiResult result = platform.put("/api/budget/transfer-rates/{year}", form.json(), year);
        if (!result.accepted()) {
            return refusals.show(model, response, result, "rates", "investmentPercent",
                    transfersPage(year, model, TransferForm.empty(), form));
        }
        flash.addFlashAttribute("notice", "budget.rates.voted");
        return "redirect:/budget/virements?fiscalYear=" + year;
    }

    private String transfersPage(int year, Model model, TransferForm transfer, RatesForm rates) {
        Map<String, Object> transfers = platform.get("/api/budget/transfers", Map.of("fiscalYear", year));
        List<Map<String, Object>> lines = sorted(Lists.items(platform.get("/api/budget/lines",
                Map.of("fiscalYear", year, "size", LINES_PAGE))));
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        lines.forEach(line -> byId.put(String.valueOf(line.get("id")), line));
        model.addAttribute("fiscalYear", year);
        model.addAttribute("years", years(year));
        model.addAttribute("transfers", transfers);
        model.addAttribute("lines", lines);
        model.addAttribute("linesById", byId);
        model.addAttribute("form", transfer);
        model.addAttribute("ratesForm", rates);
        return "budget/transfers";
    }

    // ------------------------------------------------------------------------------------------------ open data

    /** The SCDL budget CSV of a year and stage, as the API writes it (file name included). */
    @GetMapping("/budget/exports/budget")
    ResponseEntity<byte[]> scdlBudget(@RequestParam int fiscalYear, @RequestParam String stage) {
        if (!STAGES.contains(stage)) {
            return ResponseEntity.notFound().build();
        }
        return platform.download("/api/budget/exports/scdl", Map.of("fiscalYear", year(fiscalYear), "stage", stage))
                .response();
    }

    /** The SCDL délibérations CSV of the assembly's decisions of a calendar year. */
    @GetMapping("/budget/exports/deliberations")
    ResponseEntity<byte[]> scdlDeliberations(@RequestParam int fiscalYear) {
        int year = year(fiscalYear);
        return platform.download("/api/governance/exports/scdl-deliberations",
                Map.of("from", LocalDate.of(year, 1, 1), "to", LocalDate.of(year, 12, 31))).response();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static int year(Integer asked) {
        return asked != null && asked >= FIRST_YEAR && asked <= LAST_YEAR ? asked
                : LocalDate.now(FrenchFormats.PARIS).getYear();
    }

    /** The year a form sent, as text: a refused form is shown again in that year when it is one. */
    static int yearOf(String typed) {
        return year(typed != null && typed.matches("\\d{4}") ? Integer.valueOf(typed) : null);
    }

    /** The years the selector offers: around the one shown, so that the previous and next budgets are one click away. */
    static List<Integer> years(int shown) {
        int current = LocalDate.now(FrenchFormats.PARIS).getYear();
        int from = Math.max(FIRST_YEAR, Math.min(shown, current) - 3);
        int to = Math.min(LAST_YEAR, Math.max(shown, current) + 3);
        return java.util.stream.IntStream.rangeClosed(from, to).boxed().toList();
    }

    static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
