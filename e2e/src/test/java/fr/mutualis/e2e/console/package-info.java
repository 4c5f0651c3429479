/**
 * The console in a real headless Chromium (Playwright for Java), signed in at the issuer like a person, against the
 * whole stack of the run ({@code Platform}): pages, forms and their refusals, isolation, CSRF, escaping, axe-core.
 */
package fr.mutualis.e2e.console;
