package fr.mutualis.evaluation.query;

import java.util.List;

/** A tenant's declaration; never declared: empty lists and no version. */
public record SelfAssessmentView(String siren, List<String> roles, List<String> communication, Long version) {
}
