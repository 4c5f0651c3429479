/**
 * The platform as the console sees it: the gateway's public API, called with the signed-in person's access token and
 * active tenant, and its problem+json refusals.
 */
package fr.mutualis.console.platform;
