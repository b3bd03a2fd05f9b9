package kr.civilportal.citizen.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One page of a citizen's notifications as the service answers it: {@code page} from 0, {@code total} of all. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NotificationList(List<Notification> items, int page, int size, long total) {

    public List<Notification> items() {
        return items == null ? List.of() : items;
    }

    /** How many pages there are (at least one, the empty first page). */
    public int pages() {
        return size <= 0 || total <= 0 ? 1 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    /** The page as people count it, from 1. */
    public int shownPage() {
        return page + 1;
    }

    public String previousPath() {
        return NotificationsPage.listPath(page - 1, false).toString();
    }

    public String nextPath() {
        return NotificationsPage.listPath(page + 1, false).toString();
    }
}
