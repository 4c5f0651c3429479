package fr.mutualis.bench;

/** What one load run measured: accepted commands per second and their latencies; refusals counted apart. */
record LoadResult(String target, int clients, long accepted, long refused, double seconds, Latencies latencies) {

    double perSecond() {
        return accepted / seconds;
    }
}
