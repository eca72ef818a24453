package org.borderwatch.alert.api;

import org.springframework.security.core.Authentication;

/** Who is calling. */
final class Callers {

    private Callers() {
    }

    static boolean isAdmin(Authentication auth) {
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
    }

    static String name(Authentication auth) {
        return auth == null ? "anonymous" : auth.getName();
    }
}
