package kr.civilportal.common.text;

import java.sql.SQLException;
import java.util.Set;

/**
 * Text the portal's databases can keep exactly as it was sent. PostgreSQL's text types cannot hold U+0000 at all:
 * a NUL reaching a query failed it with a 500, and a dozen of those from one client opened that service's circuit
 * at the gateway for every citizen. An unpaired UTF-16 surrogate is no character either: the JDBC driver would
 * store it as {@code ?}, silently changing what the citizen sent. Both are refused at every service's edge, in
 * JSON text ({@link StorableStrings}) and in query and path parameters ({@link StorableParameters}), as a field
 * error that changes nothing.
 */
public final class StorableText {

    public static final String DETAIL =
            "This text holds a character that cannot be stored (U+0000 or an unpaired surrogate).";
    public static final String DETAIL_KO = "저장할 수 없는 문자(U+0000 또는 짝이 없는 대리 문자)가 들어 있습니다.";

    /**
     * PostgreSQL's SQLSTATEs for text it cannot take: 22021 character_not_in_repertoire (a NUL), 22P05
     * untranslatable_character. Seeing one means input got past the checks above.
     */
    private static final Set<String> REFUSED_BY_DATABASE = Set.of("22021", "22P05");

    private StorableText() {
    }

    /** Whether every character of {@code text} can be stored as sent; {@code null} is no text and passes. */
    public static boolean isStorable(CharSequence text) {
        return text == null || firstUnstorable(text) < 0;
    }

    /** The index of the first character that cannot be stored, or -1 when there is none. */
    public static int firstUnstorable(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether {@code failure} was the database refusing such a character: the last line of defence for input
     * that reached a query some other way (a multipart field, a header), answered 400 rather than 500.
     */
    public static boolean refusedByDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && REFUSED_BY_DATABASE.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
