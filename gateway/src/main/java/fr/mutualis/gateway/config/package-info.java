/**
 * The gateway's own settings ({@code mutualis.gateway.*}, {@code mutualis.security.*}) and its OpenAPI document.
 * Depends on nothing else of the gateway.
 */
package fr.mutualis.gateway.config;
