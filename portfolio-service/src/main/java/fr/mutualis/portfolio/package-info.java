/**
 * The portfolio service (roadmaps, projects, their assessment, priorisation and milestones): its Spring Boot
 * application. The packages below it build on one another without cycle: {@code messages} at the bottom, then
 * {@code command} (the aggregates), {@code query} (read models), {@code api} (HTTP) and {@code integration} (Kafka),
 * and {@code config}; none reaches into another service's code, only into {@code contracts} and the service kit.
 */
package fr.mutualis.portfolio;
