/** The read API: {@code GET /api/reporting/territory}, each caller seeing the reports of the tenants it may read. */
package fr.mutualis.reporting.api;
