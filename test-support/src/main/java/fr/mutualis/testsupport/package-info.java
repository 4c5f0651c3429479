/**
 * What the modules' tests share: the real infrastructure they run on ({@link fr.mutualis.testsupport.TestInfrastructure}),
 * one token issuer, an HTTP client, the base of the services' integration tests, the architecture rules and the
 * checks of the committed OpenAPI documents. Depends on contracts and on test libraries, never on the kit or a
 * service, so that every module's tests may use it (the kit's included).
 */
package fr.mutualis.testsupport;
