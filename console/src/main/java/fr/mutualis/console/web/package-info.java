/**
 * The pages: controllers, form records and the attributes every page shows (person, active collectivité, count of
 * open alerts).
 */
package fr.mutualis.console.web;
