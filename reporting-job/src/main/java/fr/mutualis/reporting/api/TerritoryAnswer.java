package fr.mutualis.reporting.api;

import fr.mutualis.reporting.report.TerritoryReport;

import java.util.List;

/** The reports of one quarter the caller may read, ordered by owner. */
public record TerritoryAnswer(int fiscalYear, int quarter, List<TerritoryReport> reports) {
}
