package kr.civilportal.web.page;

/**
 * One entry of the main menu: where, what it says (in the page's language), whether it is this page, and a count
 * shown beside it ({@code badge}, none when null: e.g. the citizen's unread notifications).
 */
public record NavLink(String path, String label, boolean current, Badge badge) {

    /**
     * A count beside a menu entry: {@code id} of its element, the number shown, and the words a screen reader reads
     * instead of the bare number (e.g. "3건 읽지 않음").
     */
    public record Badge(String id, long count, String text) {
    }

    public NavLink(String path, String label) {
        this(path, label, false, null);
    }

    public NavLink(String path, String label, boolean current) {
        this(path, label, current, null);
    }

    /** The same link with {@code badge} beside it (none when null). */
    public NavLink with(Badge badge) {
        return new NavLink(path, label, current, badge);
    }

    /** The same link, marked current when {@code pagePath} is its page. */
    NavLink at(String pagePath) {
        return new NavLink(path, label, path.equals(pagePath), badge);
    }
}
