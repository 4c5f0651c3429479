package fr.mutualis.evaluation.api;

import fr.mutualis.evaluation.command.CommunicationTool;
import fr.mutualis.evaluation.command.DigitalRole;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** Every declared value is one of the enums; an empty list declares none. */
public record SelfAssessmentRequest(@NotNull List<@NotNull DigitalRole> roles,
                                    @NotNull List<@NotNull CommunicationTool> communication) {
}
