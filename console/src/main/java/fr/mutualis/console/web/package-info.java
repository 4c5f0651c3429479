/** The pages: controllers, form records and the attributes every page shows (person, active collectivité). */
package fr.mutualis.console.web;
