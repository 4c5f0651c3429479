package fr.mutualis.evaluation.messages;

import java.util.List;

public record SelfAssessmentDeclared(String siren, List<DigitalRole> roles, List<CommunicationTool> communication) {
}
