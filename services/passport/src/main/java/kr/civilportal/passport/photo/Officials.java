package kr.civilportal.passport.photo;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** How an officer is named in a read log: the user name, as residency's access log names officials. */
public final class Officials {

    private Officials() {
    }

    /** The token's {@code preferred_username}, or its {@code sub} when it has none. */
    public static String nameOf(JsonWebToken token) {
        String name = token.getClaim("preferred_username");
        return name == null || name.isBlank() ? token.getSubject() : name;
    }
}
