/**
 * Spreadsheets in and out of the console: the columns of each list's export (French headers, typed cells), writing
 * them as XLSX (Apache POI) and CSV (Commons CSV) in French formats, and reading an XLSX or CSV file back into the
 * API's request bodies for an import, with what could not be read in each cell. No HTTP here: the web package calls
 * the API and serves the files.
 */
package fr.mutualis.console.sheet;
