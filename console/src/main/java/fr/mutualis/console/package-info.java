/** The console application: a server-rendered backend-for-frontend for people, in front of the gateway. */
package fr.mutualis.console;
