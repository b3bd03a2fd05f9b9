package kr.civilportal.testsupport.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provider state "the roster lists land-officer at SEOUL-JONGNO, land-officer3 at SEOUL-JONGNO and …": who has
 * used the provider lately (common's {@code official_roster}, 직원 명부), which the assignees of a case come from.
 * Each provider writes the entries with {@link #UPSERT} through its own database, naming the officers' subjects.
 */
public final class RosterState {

    /** The state's clause, as consumers append it to a case's state. */
    public static final String CLAUSE = "; the roster lists ";
    /** What a provider's state pattern ends with to take the clause: one optional group, the entries. */
    public static final String OPTIONAL_GROUP = "(?:" + Pattern.quote(CLAUSE) + "(.+))?";
    /**
     * An entry, seen just now: parameters 1 subject, 2 user name, 3 office. As an officer's own token would have
     * entered them (common's OfficialRoster.present).
     */
    public static final String UPSERT = "INSERT INTO official_roster (subject, user_name, offices, last_seen) "
            + "VALUES (?1, ?2, ARRAY[CAST(?3 AS text)], now()) ON CONFLICT (subject) DO UPDATE SET "
            + "user_name = excluded.user_name, offices = excluded.offices, last_seen = now()";
    private static final Pattern ENTRY = Pattern.compile("([^\\s,]+) at ([^\\s,]+)");

    /** One officer on the roster, working for one office. */
    public record Entry(String officer, String office) {
    }

    private RosterState() {
    }

    /** The entries of a clause's text ("a at O1, b at O1 and c at O2"). */
    public static List<Entry> entries(String text) {
        List<Entry> entries = new ArrayList<>();
        Matcher m = ENTRY.matcher(text);
        while (m.find()) {
            entries.add(new Entry(m.group(1), m.group(2)));
        }
        return entries;
    }
}
