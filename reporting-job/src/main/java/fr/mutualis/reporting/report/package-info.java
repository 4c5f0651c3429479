/**
 * The territory report: the facts the job keeps per owner (collectivité or mutualisation), and how they turn into
 * the figures of one fiscal year and quarter. Pure Java, no Kafka: the topology and the tests share it.
 */
package fr.mutualis.reporting.report;
