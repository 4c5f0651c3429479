package fr.mutualis.evaluation.query;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

@Component
public class SelfAssessmentQueries {

    private final JdbcClient jdbc;

    public SelfAssessmentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SelfAssessmentView selfAssessment(String siren) {
        return jdbc.sql("SELECT roles, communication, version FROM self_assessment WHERE siren = :siren")
                .param("siren", siren)
                .query((rs, row) -> new SelfAssessmentView(siren, Arrays.asList((String[]) rs.getArray("roles").getArray()),
                        Arrays.asList((String[]) rs.getArray("communication").getArray()), rs.getLong("version")))
                .optional()
                .orElse(new SelfAssessmentView(siren, List.of(), List.of(), null));
    }
}
