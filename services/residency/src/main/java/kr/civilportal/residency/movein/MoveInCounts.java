package kr.civilportal.residency.movein;

/**
 * The move-in desk's day at a glance (처리 현황), over the officer's offices: reports waiting that nobody holds
 * (접수 대기), those an officer holds (처리 중), those past 처리기한, and those decided by an officer today (Korean
 * day; a head's refusal is not the office's work).
 */
public record MoveInCounts(long received, long inProgress, long overdue, long decidedToday) {
}
