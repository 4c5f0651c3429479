package fr.mutualis.console.format;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The French formats of DOMAIN.md §8, for templates ({@code ${@fr.money(cents)}}) and forms: amounts as
 * {@code 1 234 567,89 €} (Java's {@code Locale.FRANCE}), dates as {@code 31/03/2026}, times in Paris.
 */
@Component("fr")
public class FrenchFormats {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm",
            Locale.FRANCE);

    /** Euro cents (an integer of the API) as euros: {@code 123456789} gives {@code 1 234 567,89 €}. */
    public String money(Object cents) {
        if (cents == null) {
            return "";
        }
        BigDecimal euros = new BigDecimal(String.valueOf(cents)).movePointLeft(2);
        return NumberFormat.getCurrencyInstance(Locale.FRANCE).format(euros);
    }

    /** A number with French grouping and decimal comma ({@code 61,5}). */
    public String number(Object value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
        format.setMaximumFractionDigits(2);
        return format.format(new BigDecimal(String.valueOf(value)));
    }

    /** An ISO date ({@code 2026-03-31}) as {@code 31/03/2026}. */
    public String date(Object isoDate) {
        if (isoDate == null || String.valueOf(isoDate).isBlank()) {
            return "";
        }
        String text = String.valueOf(isoDate);
        return text.length() > 10 ? dateTime(text) : DATE.format(LocalDate.parse(text));
    }

    /** The day of an instant ({@code 2026-03-30T22:00:00Z}) in Paris, as {@code 31/03/2026}. */
    public String day(Object instant) {
        if (instant == null || String.valueOf(instant).isBlank()) {
            return "";
        }
        String text = String.valueOf(instant);
        Instant parsed = text.endsWith("Z") ? Instant.parse(text) : OffsetDateTime.parse(text).toInstant();
        return DATE.format(parsed.atZone(PARIS));
    }

    /** An instant ({@code 2026-03-31T16:00:00Z}) as {@code 31/03/2026 à 18h00}, Paris time. */
    public String dateTime(Object instant) {
        if (instant == null || String.valueOf(instant).isBlank()) {
            return "";
        }
        String text = String.valueOf(instant);
        Instant parsed = text.endsWith("Z") ? Instant.parse(text) : OffsetDateTime.parse(text).toInstant();
        return DATE_TIME.format(parsed.atZone(PARIS));
    }

    /** The ISO date for an {@code <input type="date">} value ({@code 2026-03-31T…} keeps its date). */
    public String isoDate(Object value) {
        return value == null ? "" : String.valueOf(value).substring(0, Math.min(10, String.valueOf(value).length()));
    }

    /**
     * Euros typed by a person ({@code 1 234,50}, {@code 1234.5 €}, plain, no-break or narrow no-break spaces) as
     * cents; empty when the text is not an amount, so that the API refuses it and names the field.
     */
    public static Optional<Long> parseEuros(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String cleaned = typed.replace("€", "").replaceAll("[\\s\\u00A0\\u202F]", "").replace(',', '.');
        if (!cleaned.matches("-?\\d+(\\.\\d{1,2})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(cleaned).movePointRight(2).setScale(0, RoundingMode.UNNECESSARY)
                .longValueExact());
    }
}
