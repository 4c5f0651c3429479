/** The demo territory of DOMAIN.md §7 (the data) and its loading through the gateway, like any client. */
package fr.mutualis.localstack.demo;
