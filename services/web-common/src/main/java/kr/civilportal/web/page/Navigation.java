package kr.civilportal.web.page;

import java.util.List;

/** The app's main menu for the person signed in (each app has one bean): only links they can use. */
public interface Navigation {
    List<NavLink> links();
}
