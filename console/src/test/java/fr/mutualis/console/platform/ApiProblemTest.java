package fr.mutualis.console.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiProblemTest {

    @Test
    void aFieldIsLabelledByItsOwnNameWithoutItsPathOrIndex() {
        assertThat(new ApiProblem.FieldProblem("amountCents", "m").leaf()).isEqualTo("amountCents");
        assertThat(new ApiProblem.FieldProblem("agenda[0].title", "m").leaf()).isEqualTo("title");
        assertThat(new ApiProblem.FieldProblem("lines[0].creditsCents", "m").leaf()).isEqualTo("creditsCents");
        assertThat(new ApiProblem.FieldProblem("usage[200000016]", "m").leaf()).isEqualTo("usage");
        assertThat(new ApiProblem.FieldProblem("allocationKey.shares", "m").leaf()).isEqualTo("shares");
    }
}
