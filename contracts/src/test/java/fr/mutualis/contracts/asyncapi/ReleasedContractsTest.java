package fr.mutualis.contracts.asyncapi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The current AsyncAPI documents keep every promise of every released version under {@code asyncapi/released/}:
 * a consumer written against a release keeps working (see docs/event-streams.md, "Evolution and versions").
 */
class ReleasedContractsTest {

    static List<String> releases() throws IOException, URISyntaxException {
        Path released = Path.of(Objects.requireNonNull(ReleasedContractsTest.class.getClassLoader()
                .getResource("asyncapi/released")).toURI());
        try (Stream<Path> versions = Files.list(released)) {
            return versions.map(version -> version.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("releases")
    void theCurrentDocumentsBreakNoConsumerOfTheRelease(String release) {
        AsyncApiMessages released = AsyncApiMessages.load("asyncapi/released/" + release);
        AsyncApiMessages current = AsyncApiMessages.load("asyncapi");

        assertThat(released.contractsByMessage()).hasSize(30);
        assertThat(ConsumerCompatibility.breakingChanges(released.contractsByMessage(), current.contractsByMessage()))
                .isEmpty();
    }
}
