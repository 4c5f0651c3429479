/**
 * What the services' tests share: the real infrastructure they run on, a token issuer, an HTTP client, the
 * architecture rules and the checks of the committed OpenAPI documents.
 */
package fr.mutualis.kit.testsupport;
