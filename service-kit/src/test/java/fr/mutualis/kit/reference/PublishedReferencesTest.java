package fr.mutualis.kit.reference;

import com.zaxxer.hikari.HikariDataSource;
import fr.mutualis.kit.KitDatabase;
import fr.mutualis.contracts.governance.MutualisationCreated;
import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.NotFoundException;
import fr.mutualis.kit.mutualisation.MutualisationDirectory;
import fr.mutualis.kit.reference.PublishedReferences.Wanted;
import fr.mutualis.kit.tenant.TenantContext;
import fr.mutualis.kit.tenant.TenantScope;
import fr.mutualis.kit.tenant.TenantScopedDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rule every write naming another context's object follows, on a real PostgreSQL with row-level security on:
 * visible to the caller (its own, or a mutualisation's it belongs to or administers) and of the right kind, else 404
 * or 422 naming the field; an object not yet read is awaited a bounded time.
 */
class PublishedReferencesTest {

    private static final String VALMONT = "210000022";
    private static final String SAINT_AUBIN = "210000030";
    private static final String CAGV = "200000016";
    private static final Duration WAIT = Duration.ofMillis(300);

    private static HikariDataSource pool;
    private static PublishedReferences references;
    private static MutualisationDirectory directory;
    private static JdbcClient jdbc;

    @BeforeAll
    static void migrate() {
        pool = KitDatabase.migrated("kit_references", 2);
        jdbc = JdbcClient.create(new TenantScopedDataSource(pool));
        directory = new MutualisationDirectory(jdbc);
        references = new PublishedReferences(jdbc, directory, WAIT);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Test
    void aProjectOfTheCallersTenantIsAccepted() {
        UUID project = published(ReferenceKind.PROJECT, VALMONT);
        assertThat(as(VALMONT, () -> references.require(VALMONT, "projectId", project, ReferenceKind.PROJECT)))
                .isEqualTo(new PublishedReference(project, ReferenceKind.PROJECT, VALMONT));
    }

    @Test
    void anotherTenantsProjectIsNotFoundNamingTheFieldExactlyLikeAnUnknownId() {
        UUID theirs = published(ReferenceKind.PROJECT, SAINT_AUBIN);
        UUID unknown = UUID.randomUUID();
        for (UUID id : List.of(theirs, unknown)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> as(VALMONT, () -> references.require(VALMONT, "projectId", id, ReferenceKind.PROJECT)))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> {
                        assertThat(e.field()).isEqualTo("projectId");
                        assertThat(e.getMessage()).startsWith("Project " + id + " not found").contains("awaited 300 ms");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("both wait the same bound").isGreaterThanOrEqualTo(WAIT);
        }
    }

    @Test
    void aVisibleObjectOfAnotherKindIsABrokenRuleNamingTheField() {
        UUID roadmap = published(ReferenceKind.ROADMAP, VALMONT);
        assertThatThrownBy(() -> as(VALMONT, () -> references.require(VALMONT, "projectId", roadmap, ReferenceKind.PROJECT)))
                .isInstanceOfSatisfying(BusinessRuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("projectId");
                    assertThat(e.rule()).isEqualTo("reference-kind");
                    assertThat(e.getMessage()).isEqualTo("projectId names a roadmap, not a project");
                });
    }

    @Test
    void aMutualisationsProjectIsVisibleToItsMembersAndItsEpciOnly() {
        UUID mutualisation = UUID.randomUUID();
        directory.record(new MutualisationCreated(mutualisation, "DSI commune", CAGV, List.of(VALMONT), "POPULATION", null));
        UUID shared = published(ReferenceKind.PROJECT, mutualisation.toString());
        for (String member : List.of(VALMONT, CAGV)) {
            assertThat(as(member, () -> references.require(member, "projectId", shared, ReferenceKind.PROJECT)).ownerId())
                    .isEqualTo(mutualisation.toString());
        }
        assertThatThrownBy(() -> as(SAINT_AUBIN, () -> references.require(SAINT_AUBIN, "projectId", shared, ReferenceKind.PROJECT)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theDatabaseWallHidesOtherTenantsReferencesEvenToAQueryWithoutOwnerFilter() {
        UUID theirs = published(ReferenceKind.PROJECT, SAINT_AUBIN);
        assertThat(as(VALMONT, () -> jdbc.sql("SELECT count(*) FROM kit_published_reference WHERE reference_id = :id")
                .param("id", theirs).query(Long.class).single())).isZero();
    }

    @Test
    void aReferenceReadWhileTheWriteWaitsIsAccepted() throws Exception {
        UUID late = UUID.randomUUID();
        PublishedReferences patient = new PublishedReferences(jdbc, directory, Duration.ofSeconds(5));
        CompletableFuture<PublishedReference> waiting = CompletableFuture.supplyAsync(
                () -> as(VALMONT, () -> patient.require(VALMONT, "projectId", late, ReferenceKind.PROJECT)));
        Thread.sleep(200);
        references.record(ReferenceKind.PROJECT, late, VALMONT);
        assertThat(waiting.get(5, TimeUnit.SECONDS).id()).isEqualTo(late);
    }

    @Test
    void severalReferencesAreAwaitedOnceAndTheFirstMissingOneIsNamed() {
        UUID line = published(ReferenceKind.BUDGET_LINE, VALMONT);
        UUID missing = UUID.randomUUID();
        UUID alsoMissing = UUID.randomUUID();
        long start = System.nanoTime();
        assertThatThrownBy(() -> as(VALMONT, () -> references.requireAll(VALMONT, List.of(
                new Wanted("agenda[0].amounts[0].budgetLineId", line, ReferenceKind.BUDGET_LINE),
                new Wanted("agenda[0].amounts[1].projectId", missing, ReferenceKind.PROJECT),
                new Wanted("agenda[1].subjectId", alsoMissing, Set.of(ReferenceKind.PROJECT, ReferenceKind.ROADMAP))))))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.field()).isEqualTo("agenda[0].amounts[1].projectId"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WAIT.multipliedBy(2));
    }

    @Test
    void aRedeliveredOrLaterEventChangesNeitherTheKindNorTheOwner() {
        UUID project = published(ReferenceKind.PROJECT, VALMONT);
        references.record(ReferenceKind.PROJECT, project, VALMONT);
        references.record(ReferenceKind.ROADMAP, project, SAINT_AUBIN);
        assertThat(jdbc.sql("SELECT kind || ' ' || owner_id FROM kit_published_reference WHERE reference_id = :id")
                .param("id", project).query(String.class).list()).containsExactly("PROJECT " + VALMONT);
        assertThat(references.visible(List.of(project), VALMONT)).isEqualTo(
                Map.of(project, new PublishedReference(project, ReferenceKind.PROJECT, VALMONT)));
    }

    private static UUID published(ReferenceKind kind, String owner) {
        UUID id = UUID.randomUUID();
        references.record(kind, id, owner);
        return id;
    }

    private static <T> T as(String tenant, Supplier<T> work) {
        return TenantScope.callAs(new TenantContext(tenant, "user", "User", List.of(tenant), List.of("AGENT")), work);
    }
}
