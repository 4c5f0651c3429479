package fr.mutualis.console.web;

import fr.mutualis.console.platform.ActiveTenant;
import fr.mutualis.console.platform.PlatformClient;
import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * What every page shows, on an error page: nothing asked of the platform (the browser asking for a file that is not
 * there, a person whose tokens the issuer refuses), the collectivités named as far as the session knows them.
 */
class ErrorPagesAskThePlatformNothingTest {

    private static final String VALMONT = "217100016";
    private static final String CAGV = "200000016";

    private final ActiveTenant tenant = mock(ActiveTenant.class);
    private final PlatformClient platform = mock(PlatformClient.class);
    private final PageAttributes attributes = new PageAttributes(tenant, platform);
    private final MockHttpSession session = new MockHttpSession();

    ErrorPagesAskThePlatformNothingTest() {
        when(tenant.person()).thenReturn(Optional.of(mock(OidcUser.class)));
        when(tenant.current()).thenReturn(Optional.of(VALMONT));
        when(tenant.allowed()).thenReturn(List.of(VALMONT, CAGV));
        session.setAttribute("mutualis.tenantNames", new HashMap<>(Map.of(VALMONT, "Valmont")));
    }

    @Test
    void anErrorPageShowsNoAlertCountAndNamesOnlyTheCollectivitesTheSessionKnows() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setDispatcherType(DispatcherType.ERROR);

        assertThat(attributes.openAlerts(request)).isNull();
        assertThat(attributes.tenants(session, request)).containsExactly(entry(VALMONT, "Valmont"), entry(CAGV, CAGV));
        verifyNoInteractions(platform);
    }

    @Test
    void anyOtherPageAsksTheAlertCountAndTheNamesTheSessionLacks() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        when(platform.get(eq("/api/evaluation/alerts"), anyMap())).thenReturn(Map.of("total", 2));
        when(platform.getAs(eq(CAGV), anyString(), any())).thenReturn(Map.of("name", "Grand Val"));

        assertThat(attributes.openAlerts(request)).isEqualTo(2L);
        assertThat(attributes.tenants(session, request)).containsExactly(entry(VALMONT, "Valmont"), entry(CAGV, "Grand Val"));
    }
}
