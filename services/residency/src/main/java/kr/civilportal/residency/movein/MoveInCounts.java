package kr.civilportal.residency.movein;

/**
 * The move-in desk's day at a glance (처리 현황), over the officer's offices: reports waiting that nobody holds
 * (접수 대기), those an officer holds (처리 중), those past 처리기한, those decided by an officer today (Korean
 * day; a head's refusal is not the office's work, nor a rejection by the supplement deadline job), and those waiting
 * for the filer's supplement (보완 대기: out of the queue, in none of the first three).
 */
public record MoveInCounts(long received, long inProgress, long overdue, long decidedToday,
                           long waitingForSupplement) {
}
