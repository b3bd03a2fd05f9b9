package kr.civilportal.passport.application;

/**
 * The passport office's day at a glance (처리 현황), for the officers' queue: what waits to be started, what is
 * under way, what waits for citizens' supplements, what is past its 처리기한, and what was finished today (Korean
 * day: made and ready for pickup, handed over, or rejected).
 */
public record ApplicationCounts(long received, long inProgress, long waitingForSupplement, long overdue,
                                long doneToday) {
}
