/**
 * The local stack's mail: the SMTP server the platform sends alert mails to (GreenMail, in this JVM), and a page on
 * this machine's loopback that lists what it received, so that a person can read the mails.
 */
package fr.mutualis.localstack.mail;
