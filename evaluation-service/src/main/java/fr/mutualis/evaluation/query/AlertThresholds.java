package fr.mutualis.evaluation.query;

/**
 * A tenant's thresholds for CREDITS_NEARLY_CONSUMED, in percent (1 to 100).
 *
 * @param creditsPercent  engaged amount against the line's open credits
 * @param mandatedPercent mandated amount against the engaged one, at year end
 */
public record AlertThresholds(int creditsPercent, int mandatedPercent) {

    /** DOMAIN §9's defaults. */
    public static final AlertThresholds DEFAULTS = new AlertThresholds(90, 90);
}
