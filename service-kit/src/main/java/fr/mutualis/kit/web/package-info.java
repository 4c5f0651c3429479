/**
 * The servlet web layer every service shares: RFC 9457 problems for every refusal (the handler, the container's errors,
 * Tomcat's own) worded in the caller's language (English, or French when asked, with their Content-Language), the
 * correlation id, request body and date guards, and write admission under load. Depends on the kit's errors and time
 * only.
 */
package fr.mutualis.kit.web;
