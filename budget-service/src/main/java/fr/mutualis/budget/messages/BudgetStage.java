package fr.mutualis.budget.messages;

/**
 * The budget stages of a fiscal year, in the order the assembly votes them: budget primitif (BP), budget
 * supplémentaire (BS), décisions modificatives (DM), compte administratif / financier unique (CA).
 * <p>
 * Rules, enforced per line (each line keeps its own credit history):
 * <ul>
 *   <li>the stages never go back: a stage may follow only an earlier one (BP, then BS, then DMs, then CA);</li>
 *   <li>BP and BS are voted at most once; DM any number of times;</li>
 *   <li>a line created during the year may receive its first credits at BS or DM; CA needs a prior vote, since it
 *       closes what was voted;</li>
 *   <li>CA is last: after it the line is closed to votes, engagements and mandates.</li>
 * </ul>
 */
public enum BudgetStage {
    BP,
    BS,
    DM,
    CA;

    /** Whether a vote at this stage may follow the line's last voted stage ({@code null}: nothing voted yet). */
    public boolean mayFollow(BudgetStage previous) {
        if (previous == null) {
            return this != CA;
        }
        if (previous == CA) {
            return false;
        }
        return this == DM && previous == DM || ordinal() > previous.ordinal();
    }
}
