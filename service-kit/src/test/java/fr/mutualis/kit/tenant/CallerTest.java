package fr.mutualis.kit.tenant;

import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.error.NotPermittedException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerTest {

    private static final String VILLE = "210000048";
    private static final UUID SHARED = UUID.fromString("5b7a3c1e-0000-4000-8000-000000000001");
    private static final Owner MUTUALISATION = Owner.mutualisation(SHARED);

    @Test
    void aMemberSeesItsMutualisationButDoesNotManageIt() {
        Caller member = new Caller(Owner.tenant(VILLE), Set.of("AGENT"), Set.of(Owner.tenant(VILLE), MUTUALISATION),
                Set.of(Owner.tenant(VILLE)), Map.of());

        assertThat(member.visibleOwner(SHARED)).isEqualTo(MUTUALISATION);
        assertThatThrownBy(() -> member.managedOwner(SHARED)).isInstanceOf(NotPermittedException.class);
        assertThat(member.managedOwner(null)).isEqualTo(Owner.tenant(VILLE));
    }

    @Test
    void dataTheCallerCannotSeeIsNotFound() {
        Caller stranger = Caller.tenant(VILLE);

        assertThatThrownBy(() -> stranger.visibleOwner(SHARED)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> stranger.requireManages(MUTUALISATION, "Project", "p1"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> stranger.requireManages(null, "Project", "p1"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aReportingJobSeesItsOwnDataWithoutChangingIt() {
        Caller reporting = Caller.tenant(VILLE, "REPORTING");

        reporting.requireSees(Owner.tenant(VILLE), "Project", "p1");
        assertThatThrownBy(() -> reporting.requireManages(Owner.tenant(VILLE), "Project", "p1"))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(reporting::requireWriter).isInstanceOf(NotPermittedException.class);
    }

    @Test
    void anOwnerReadsAndWritesAsItsBareId() {
        assertThat(Owner.tenant(VILLE).isMutualisation()).isFalse();
        assertThat(MUTUALISATION.mutualisationId()).contains(SHARED);
        assertThat(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(MUTUALISATION))
                .isEqualTo("\"" + SHARED + "\"");
        assertThat(tools.jackson.databind.json.JsonMapper.builder().build().readValue("\"" + VILLE + "\"", Owner.class))
                .isEqualTo(Owner.tenant(VILLE));
    }
}
