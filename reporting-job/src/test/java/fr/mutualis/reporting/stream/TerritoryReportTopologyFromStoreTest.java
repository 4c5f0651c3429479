package fr.mutualis.reporting.stream;

/**
 * Every test of {@link TerritoryReportTopologyTest} with no owner kept decoded: each event reads its owner's facts
 * back from their parts in the store and writes the parts it changed, so every kind of fact goes through the store's
 * layout and must come back as it was written.
 */
class TerritoryReportTopologyFromStoreTest extends TerritoryReportTopologyTest {

    @Override
    int decodedOwners() {
        return 0;
    }
}
