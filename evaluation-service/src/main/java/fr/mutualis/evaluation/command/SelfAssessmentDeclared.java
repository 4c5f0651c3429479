package fr.mutualis.evaluation.command;

import java.util.List;

public record SelfAssessmentDeclared(String siren, List<DigitalRole> roles, List<CommunicationTool> communication) {
}
