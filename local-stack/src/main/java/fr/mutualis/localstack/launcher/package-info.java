/**
 * The applications as child JVMs: where their jars are, how they are launched (and from JDK 25's ahead-of-time
 * cache), and waiting until they are ready.
 */
package fr.mutualis.localstack.launcher;
