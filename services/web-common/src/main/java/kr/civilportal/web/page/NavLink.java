package kr.civilportal.web.page;

/** One entry of the main menu: where, what it says (in the page's language), and whether it is this page. */
public record NavLink(String path, String label, boolean current) {

    public NavLink(String path, String label) {
        this(path, label, false);
    }

    /** The same link, marked current when {@code pagePath} is its page. */
    NavLink at(String pagePath) {
        return new NavLink(path, label, path.equals(pagePath));
    }
}
