/** Running the job like the services: its health, its lag behind the event topics and its progress in the logs. */
package fr.mutualis.reporting.ops;
