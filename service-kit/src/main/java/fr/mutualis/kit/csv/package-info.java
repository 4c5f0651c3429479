/** CSV files that the services export for people to open in a spreadsheet (the SCDL open-data layouts). */
package fr.mutualis.kit.csv;
