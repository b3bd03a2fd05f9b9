package kr.civilportal.notification.delivery;

import java.util.List;

/** One page of deliveries, most recently changed first; {@code page} counts from 0, {@code total} counts all. */
public record DeliveryPage(List<DeliveryView> items, int page, int size, long total) {
}
