/**
 * What the budget's packages exchange: commands, domain events and the values they carry (stages, sections, M57
 * chapters, CP schedules, what a line answers to a command). Records and small value types, public and immutable;
 * they depend on the kit's {@code Owner} and {@code Caller}, Axon's routing annotations and nothing else of the
 * service, no Spring type. Events are stored as they are serialized here: change them only compatibly.
 */
package fr.mutualis.budget.messages;
