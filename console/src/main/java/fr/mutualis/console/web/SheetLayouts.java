package fr.mutualis.console.web;

import fr.mutualis.console.sheet.CellKind;
import fr.mutualis.console.sheet.SheetColumn;

import java.util.ArrayList;
import java.util.List;

import static fr.mutualis.console.sheet.SheetColumn.imported;
import static fr.mutualis.console.sheet.SheetColumn.labels;
import static fr.mutualis.console.sheet.SheetColumn.shown;

/**
 * The columns of each list's export, in the order of the file, with the console's labels as headers. The projects'
 * and the budget lines' are also what their imports read (the columns marked imported), so that an export can be
 * edited and imported again.
 */
final class SheetLayouts {

    static final List<SheetColumn> PROJECTS = projects();

    static final List<SheetColumn> LINES = List.of(
            imported("fiscalYear", "budget.year", CellKind.INTEGER),
            labels("section", "budget.section", "budget.section.", BudgetController.SECTIONS, true),
            imported("chapter", "budget.chapter", CellKind.TEXT),
            imported("label", "budget.label", CellKind.TEXT),
            imported("plannedCents", "budget.planned", CellKind.MONEY),
            shown("votedCents", "budget.voted", CellKind.MONEY),
            shown("engagedCents", "budget.engaged", CellKind.MONEY),
            shown("mandatedCents", "budget.mandated", CellKind.MONEY));

    static final List<SheetColumn> DECISIONS = List.of(
            shown("decidedOn", "decision.decidedOn", CellKind.DATE),
            shown("instanceName", "instance.name", CellKind.TEXT),
            shown("title", "field.title", CellKind.TEXT),
            labels("agendaItemKind", "agenda.kind", "agenda.kind.", GovernanceController.AGENDA_KINDS, false),
            labels("outcome", "decision.outcome", "outcome.", GovernanceController.OUTCOMES, false),
            shown("votesFor", "decision.for", CellKind.INTEGER),
            shown("votesAgainst", "decision.against", CellKind.INTEGER),
            shown("abstentions", "decision.abstentions", CellKind.INTEGER));

    static final List<SheetColumn> INDICATORS = List.of(
            shown("name", "indicator.name", CellKind.TEXT),
            labels("scopeKind", "indicator.scopeKind", "scope.", EvaluationController.SCOPE_KINDS, false),
            shown("unit", "sheet.indicator.unit", CellKind.TEXT),
            labels("direction", "indicator.direction", "direction.", EvaluationController.DIRECTIONS, false),
            shown("latestMeasurement.value", "indicator.latest", CellKind.NUMBER),
            shown("latestMeasurement.date", "indicator.date", CellKind.DATE),
            labels("status", "field.status", "indicator.status.", EvaluationController.INDICATOR_STATUSES, false));

    private static List<SheetColumn> projects() {
        List<SheetColumn> columns = new ArrayList<>(List.of(
                imported("title", "field.title", CellKind.TEXT),
                imported("description", "project.description", CellKind.TEXT),
                labels("axis", "field.axis", "axis.", PortfolioController.AXES, true),
                labels("theme", "project.theme", "theme.", PortfolioController.THEMES, true),
                imported("sponsor", "project.sponsor", CellKind.TEXT),
                imported("manager", "project.manager", CellKind.TEXT),
                imported("plannedStart", "project.plannedStart", CellKind.DATE),
                imported("plannedEnd", "project.plannedEnd", CellKind.DATE),
                imported("estimatedInvestmentCents", "project.investment", CellKind.MONEY),
                imported("estimatedOperatingCents", "project.operating", CellKind.MONEY),
                labels("status", "field.status", "status.", PortfolioController.STATUSES, false),
                shown("priority", "project.priority", CellKind.NUMBER)));
        // The assessment's scores, imported with the project when the row has them.
        PortfolioForms.CriteriaForm.CRITERIA.forEach(criterion ->
                columns.add(imported("scores." + criterion, "criterion." + criterion, CellKind.INTEGER)));
        return List.copyOf(columns);
    }

    private SheetLayouts() {
    }
}
