package fr.mutualis.evaluation.api;

import fr.mutualis.evaluation.messages.CommunicationTool;
import fr.mutualis.evaluation.messages.DigitalRole;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** Every declared value is one of the enums; an empty list declares none. */
public record SelfAssessmentRequest(@NotNull List<@NotNull DigitalRole> roles,
                                    @NotNull List<@NotNull CommunicationTool> communication) {
}
