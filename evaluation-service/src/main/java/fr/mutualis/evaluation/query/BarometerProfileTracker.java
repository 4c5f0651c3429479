package fr.mutualis.evaluation.query;

import fr.mutualis.evaluation.messages.RecordBarometerProfile;
import fr.mutualis.kit.rebuild.ReadModelRebuild;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Keeps each collectivité's recorded barometer profile in step with its criteria: reclassifies the collectivités
 * whose data changed (marked by the projections), and once a day all of them, because time alone changes criteria
 * (a roadmap's years end, a measurement grows older than 12 months). Only a profile different from the one recorded
 * is sent; the aggregate, which knows the last profile for sure, turns a change into {@code BarometerProfileChanged}.
 * Each classification is also kept as the collectivité's standing, which a mutualisation's administrators read.
 */
@Component
public class BarometerProfileTracker {

    private static final Logger log = LoggerFactory.getLogger(BarometerProfileTracker.class);
    private static final int BATCH = 100;

    private final BarometerPending pending;
    private final BarometerQueries barometers;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ReadModelRebuild rebuild;

    public BarometerProfileTracker(BarometerPending pending, BarometerQueries barometers, CommandGateway commands,
                                   TransactionTemplate transactions, Clock clock, ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
        this.pending = pending;
        this.barometers = barometers;
        this.commands = commands;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${mutualis.barometer.track-interval-ms:500}")
    void reclassifyMarked() {
        if (rebuild.inProgress()) {
            // Half-rebuilt read models would record profiles that never were; the marks wait for the rebuild's end.
            return;
        }
        List<String> sirens;
        do {
            sirens = Objects.requireNonNull(transactions.execute(status -> pending.take(BATCH)));
            sirens.forEach(this::reclassify);
        } while (sirens.size() == BATCH);
    }

    @Scheduled(cron = "${mutualis.barometer.sweep-cron:0 15 0 * * *}", zone = "Europe/Paris")
    void markEveryCollectivite() {
        List<String> sirens = barometers.knownSirens();
        transactions.executeWithoutResult(status -> sirens.forEach(pending::mark));
        log.info("Barometer sweep: {} collectivités to reclassify", sirens.size());
    }

    private void reclassify(String siren) {
        try {
            BarometerView barometer = barometers.barometer(siren, LocalDate.now(clock));
            barometers.saveStanding(barometer);
            if (barometer.profile() == barometers.recordedProfile(siren)) {
                return;
            }
            commands.sendAndWait(new RecordBarometerProfile(siren, barometer.profile(), barometer.nearestProfile(),
                    barometer.missing().stream().map(Enum::name).toList()));
        } catch (RuntimeException e) {
            // Kept for the next round rather than lost: the profile must eventually follow the criteria.
            log.warn("Barometer of {} not reclassified, retrying later: {}", siren, e.getMessage());
            transactions.executeWithoutResult(status -> pending.mark(siren));
        }
    }
}
