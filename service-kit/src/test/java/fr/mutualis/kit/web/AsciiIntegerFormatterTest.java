package fr.mutualis.kit.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.TypeMismatchException;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.web.bind.WebDataBinder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A parameter's binder, as Spring MVC sets it up (with a conversion service), plus the kit's formatters. */
class AsciiIntegerFormatterTest {

    private final WebDataBinder binder = new WebDataBinder(null);

    {
        binder.setConversionService(new DefaultFormattingConversionService());
        AsciiIntegerFormatter.register(binder);
    }

    @Test
    void asciiDigitsAreIntegers() {
        assertThat(binder.convertIfNecessary("2026", Integer.class)).isEqualTo(2026);
        assertThat(binder.convertIfNecessary("-3", int.class)).isEqualTo(-3);
        assertThat(binder.convertIfNecessary("12", Long.class)).isEqualTo(12L);
        assertThat(binder.convertIfNecessary("", Integer.class)).isNull();
    }

    /** Spring alone reads the first two as 1, Integer.parseInt the next three as 3, 2026 and 3. */
    @Test
    void hexadecimalOtherDigitsSignsSpacesAndOverflowAreRefused() {
        for (String text : new String[]{"0x1", "#1", "٣", "٢٠٢٦", "３", "+1", " 1", "99999999999"}) {
            assertThatThrownBy(() -> binder.convertIfNecessary(text, Integer.class)).as(text)
                    .isInstanceOf(TypeMismatchException.class);
        }
        assertThatThrownBy(() -> binder.convertIfNecessary("0x1", long.class)).isInstanceOf(TypeMismatchException.class);
    }
}
