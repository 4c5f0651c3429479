package fr.mutualis.console.web;

import fr.mutualis.console.platform.ApiProblem;
import fr.mutualis.console.platform.ApiResult;
import fr.mutualis.console.platform.PlatformClient;
import fr.mutualis.console.sheet.SheetColumn;
import fr.mutualis.console.sheet.SheetException;
import fr.mutualis.console.sheet.SheetReader;
import fr.mutualis.console.sheet.Sheets;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Imports of projects (into a roadmap, with their assessment when the row has its scores) and of budget lines from
 * an XLSX or CSV file whose columns are the export's. Upload, then a preview of every row, accepted or refused with
 * why: the API's own checks, through its validation-only mode ({@code ?dryRun=true}); nothing is written until the
 * person confirms, and the result tells what was created and what was refused then.
 * <p>
 * Each row is sent with an {@code Idempotency-Key} derived from its content and target: importing the same file
 * again creates nothing, its rows are shown as already imported. The plan between preview and confirmation lives in
 * the person's session (shared by console instances), never in the browser.
 */
@Controller
class ImportController {

    private static final Locale FRENCH = Locale.FRANCE;
    private static final String PLAN = "sheet-import-";

    /** What can be imported: the page's address, the API's collection, the file's columns. */
    enum Kind {
        PROJECTS("projets", "/api/portfolio/projects", SheetLayouts.PROJECTS, "title"),
        LINES("budget/lignes", "/api/budget/lines", SheetLayouts.LINES, "label");

        final String page;
        final String collection;
        final List<SheetColumn> columns;
        final String nameField;

        Kind(String page, String collection, List<SheetColumn> columns, String nameField) {
            this.page = page;
            this.collection = collection;
            this.columns = columns;
            this.nameField = nameField;
        }
    }

    enum Status { ACCEPTED, REFUSED, ALREADY_IMPORTED, CREATED }

    /** A row of the file as planned and then done. {@code assessment}: a project's scores, empty without. */
    record Row(int line, String name, Map<String, Object> body, Map<String, Object> assessment, String key,
               Status status, List<String> reasons) implements Serializable {

        Row with(Status newStatus, List<String> newReasons) {
            return new Row(line, name, body, assessment, key, newStatus, newReasons);
        }
    }

    /** What the pages show: their counts are public, as Thymeleaf's expressions call only public methods. */
    record Plan(String id, Kind kind, String fileName, List<Row> rows) implements Serializable {

        public long accepted() {
            return count(Status.ACCEPTED);
        }

        public long refused() {
            return count(Status.REFUSED);
        }

        public long alreadyImported() {
            return count(Status.ALREADY_IMPORTED);
        }

        public long created() {
            return count(Status.CREATED);
        }

        private long count(Status status) {
            return rows.stream().filter(row -> row.status() == status).count();
        }
    }

    private final PlatformClient platform;
    private final Sheets sheets;
    private final MessageSource messages;

    ImportController(PlatformClient platform, Sheets sheets, MessageSource messages) {
        this.platform = platform;
        this.sheets = sheets;
        this.messages = messages;
    }

    @GetMapping({"/projets/import", "/budget/lignes/import"})
    String form(jakarta.servlet.http.HttpServletRequest request, Model model) {
        return formPage(kindOf(request.getRequestURI()), model, null);
    }

    @PostMapping({"/projets/import", "/budget/lignes/import"})
    String preview(jakarta.servlet.http.HttpServletRequest request,
                   @RequestParam(name = "fichier", required = false) MultipartFile file,
                   @RequestParam(required = false) UUID roadmapId, Model model, HttpSession session,
                   HttpServletResponse response) throws IOException {
        Kind kind = kindOf(request.getRequestURI());
        if (kind == Kind.PROJECTS && roadmapId == null) {
            response.setStatus(400);
            model.addAttribute("roadmapError", messages.getMessage("sheet.import.roadmap.required", null, FRENCH));
            return formPage(kind, model, null);
        }
        List<Sheets.ImportRow> read;
        try {
            if (file == null || file.isEmpty()) {
                throw new SheetException("empty");
            }
            if (file.getSize() > SheetReader.MAX_BYTES) {
                throw new SheetException("too-large", SheetReader.MAX_BYTES / (1024 * 1024));
            }
            read = sheets.rows(kind.columns, SheetReader.read(file.getOriginalFilename(), file.getBytes()));
        } catch (SheetException refused) {
            response.setStatus(400);
            return formPage(kind, model, messages.getMessage(refused.messageKey(), refused.arguments(), FRENCH));
        }
        List<Row> rows = read.stream().map(row -> check(kind, roadmapId, row)).toList();
        Plan plan = new Plan(UUID.randomUUID().toString(), kind, file.getOriginalFilename(), rows);
        session.setAttribute(PLAN + plan.id(), plan);
        model.addAttribute("plan", plan);
        model.addAttribute("kind", kind.name());
        return "sheets/preview";
    }

    @PostMapping({"/projets/import/{planId}/confirmer", "/budget/lignes/import/{planId}/confirmer"})
    String confirm(@PathVariable String planId, Model model, HttpSession session) {
        if (!(session.getAttribute(PLAN + planId) instanceof Plan plan)) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        session.removeAttribute(PLAN + planId);
        List<Row> done = plan.rows().stream().map(row -> row.status() == Status.ACCEPTED ? create(plan.kind(), row) : row)
                .toList();
        model.addAttribute("plan", new Plan(plan.id(), plan.kind(), plan.fileName(), done));
        model.addAttribute("kind", plan.kind().name());
        return "sheets/result";
    }

    /** A file over the servlet's own limit never reaches the controller's check: the same message, not an error page. */
    @ExceptionHandler({MaxUploadSizeExceededException.class, MultipartException.class})
    String tooLarge(jakarta.servlet.http.HttpServletRequest request, Model model, HttpServletResponse response) {
        response.setStatus(413);
        return formPage(kindOf(request.getRequestURI()), model, messages.getMessage("sheet.refused.too-large",
                new Object[]{SheetReader.MAX_BYTES / (1024 * 1024)}, FRENCH));
    }

    private Row check(Kind kind, UUID roadmapId, Sheets.ImportRow read) {
        Map<String, Object> body = new LinkedHashMap<>(read.body());
        Object scores = body.remove("scores");
        Map<String, Object> assessment = scores instanceof Map<?, ?> map ? castMap(map) : Map.of();
        if (kind == Kind.PROJECTS) {
            body.put("roadmapId", roadmapId.toString());
        }
        String name = body.get(kind.nameField) == null ? "" : String.valueOf(body.get(kind.nameField));
        String key = Sheets.idempotencyKey(kind.collection, Map.of("body", body, "assessment", assessment));
        if (!read.unreadable().isEmpty()) {
            List<String> reasons = new ArrayList<>();
            read.unreadable().forEach((header, message) -> reasons.add(header + " : " + message));
            return new Row(read.line(), name, body, assessment, key, Status.REFUSED, reasons);
        }
        Row row = new Row(read.line(), name, body, assessment, key, Status.ACCEPTED, List.of());
        ApiResult checked = platform.create(kind.collection, body, key, true);
        if (!checked.accepted()) {
            return row.with(Status.REFUSED, reasons(kind, checked.problem()));
        }
        return checked.replayed() ? row.with(Status.ALREADY_IMPORTED, List.of()) : row;
    }

    private Row create(Kind kind, Row row) {
        ApiResult created = platform.create(kind.collection, row.body(), row.key(), false);
        if (!created.accepted()) {
            return row.with(Status.REFUSED, reasons(kind, created.problem()));
        }
        if (created.replayed()) {
            return row.with(Status.ALREADY_IMPORTED, List.of());
        }
        List<String> notes = new ArrayList<>();
        if (!row.assessment().isEmpty()) {
            ApiResult assessed = platform.post("/api/portfolio/projects/{id}/assessment", row.assessment(), created.id());
            if (!assessed.accepted()) {
                reasons(kind, assessed.problem()).forEach(reason -> notes.add(
                        messages.getMessage("sheet.import.assessment.refused", new Object[]{reason}, FRENCH)));
            }
        }
        return row.with(Status.CREATED, notes);
    }

    /** The API's refusal (worded in French) in the person's terms: each field it names as the file's column. */
    private List<String> reasons(Kind kind, ApiProblem problem) {
        List<String> reasons = new ArrayList<>();
        for (ApiProblem.FieldProblem error : problem.errors()) {
            String column = sheets.headerOf(kind.columns, error.field()).orElse(error.field());
            reasons.add(column + " : " + error.message());
        }
        if (reasons.isEmpty()) {
            reasons.add(problem.sentence(messages));
        }
        return reasons;
    }

    private String formPage(Kind kind, Model model, String fileError) {
        model.addAttribute("kind", kind.name());
        model.addAttribute("action", "/" + kind.page + "/import");
        model.addAttribute("fileError", fileError);
        model.addAttribute("maxMegabytes", SheetReader.MAX_BYTES / (1024 * 1024));
        model.addAttribute("maxRows", SheetReader.MAX_ROWS);
        model.addAttribute("columns", kind.columns.stream().filter(SheetColumn::imported).map(sheets::header).toList());
        if (kind == Kind.PROJECTS) {
            model.addAttribute("roadmaps", Lists.items(platform.get("/api/portfolio/roadmaps", Map.of("size", 100))));
        }
        return "sheets/import";
    }

    private static Kind kindOf(String uri) {
        return uri.contains("/budget/lignes/") ? Kind.LINES : Kind.PROJECTS;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
