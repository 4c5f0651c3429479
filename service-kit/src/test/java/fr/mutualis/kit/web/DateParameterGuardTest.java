package fr.mutualis.kit.web;

import fr.mutualis.kit.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every resolved argument that is a date is checked, named as the request names it. */
class DateParameterGuardTest {

    @SuppressWarnings("unused")
    void controller(@RequestParam LocalDate from, @RequestParam("to") LocalDate until, @PathVariable(name = "day") LocalDate day,
                    @RequestParam String title) {
    }

    @Test
    void anImplausibleDateParameterIsRefusedUnderItsRequestName() throws Exception {
        assertRefused(0, LocalDate.MIN, "from");
        assertRefused(1, LocalDate.of(2201, 1, 1), "to");
        assertRefused(2, LocalDate.of(1899, 12, 31), "day");
        assertThat(resolve(0, LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(resolve(3, "-999999999-01-01")).isEqualTo("-999999999-01-01");
        assertThat(resolve(0, null)).isNull();
    }

    @Test
    void everyArgumentResolverOfTheAdapterIsWrapped() {
        RequestMappingHandlerAdapter adapter = new RequestMappingHandlerAdapter();
        adapter.setArgumentResolvers(java.util.List.of(new org.springframework.web.method.annotation.RequestParamMethodArgumentResolver(false),
                new org.springframework.web.servlet.mvc.method.annotation.PathVariableMethodArgumentResolver()));
        int resolvers = adapter.getArgumentResolvers().size();
        new DateParameterGuard().postProcessAfterInitialization(adapter, "adapter");
        assertThat(adapter.getArgumentResolvers()).hasSize(resolvers).allMatch(DateParameterGuard.Checked.class::isInstance);
    }

    private void assertRefused(int index, Object value, String field) {
        assertThatThrownBy(() -> resolve(index, value))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(field + ": must be between 1900-01-01 and 2200-12-31")
                .satisfies(refusal -> assertThat(RequestBodyGuardTest.inFrench((InvalidInputException) refusal))
                        .isEqualTo("la date doit être comprise entre le 01/01/1900 et le 31/12/2200"))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo(field);
    }

    private Object resolve(int index, Object value) throws Exception {
        MethodParameter parameter = new MethodParameter(getClass().getDeclaredMethod("controller",
                LocalDate.class, LocalDate.class, LocalDate.class, String.class), index);
        parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
        HandlerMethodArgumentResolver resolved = new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter ignored) {
                return true;
            }

            @Override
            public Object resolveArgument(MethodParameter ignored, org.springframework.web.method.support.ModelAndViewContainer container,
                                          org.springframework.web.context.request.NativeWebRequest request,
                                          org.springframework.web.bind.support.WebDataBinderFactory binders) {
                return value;
            }
        };
        return new DateParameterGuard.Checked(resolved).resolveArgument(parameter, null, null, null);
    }

}
