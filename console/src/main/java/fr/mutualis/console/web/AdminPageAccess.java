package fr.mutualis.console.web;

import fr.mutualis.console.platform.ActiveTenant;
import fr.mutualis.console.platform.ApiProblem;
import fr.mutualis.console.platform.PlatformException;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The sections reserved to one role (Territoire to REPORTING, Administration to PLATFORM_ADMIN): anyone else gets
 * the 403 page before any call is made, as the API would answer them for every action of the section.
 */
@Component
class AdminPageAccess {

    private final ActiveTenant tenant;

    AdminPageAccess(ActiveTenant tenant) {
        this.tenant = tenant;
    }

    void require(String role) {
        if (!tenant.roles().contains(role)) {
            throw new PlatformException(new ApiProblem(403, null, null, null, List.of()));
        }
    }
}
