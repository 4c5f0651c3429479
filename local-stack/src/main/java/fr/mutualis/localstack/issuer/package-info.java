/** The OAuth2 token issuer of the local stack: the demo clients and people, their tokens and sign-in. */
package fr.mutualis.localstack.issuer;
