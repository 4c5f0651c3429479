/**
 * The local stack: the whole platform on one machine without Docker ({@code LocalStack}), its command line
 * ({@code LocalStackApplication}), the banner and the report of where its start-up spent its time.
 */
package fr.mutualis.localstack;
