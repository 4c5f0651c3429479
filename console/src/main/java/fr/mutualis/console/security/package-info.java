/**
 * How people sign in and stay signed in: OIDC authorization code with PKCE at the issuer, tokens kept in the
 * server-side session (Spring Session JDBC) and refreshed, logout at the issuer, CSRF on every form.
 */
package fr.mutualis.console.security;
