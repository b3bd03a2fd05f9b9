package kr.civilportal.passport.application;

import java.util.List;

/** One page of the officers' list; {@code total} counts every application that matches the filter. */
public record ApplicationPage(List<ApplicationView> items, int page, int size, long total) {
}
