package kr.civilportal.common.audit;

import java.util.List;

/**
 * An auditor's answer: the reads found, newest first, and whether there were more than listed (then the auditor
 * narrows the search; the answer never pages through a log silently).
 */
public record RecordReads(List<RecordRead> reads, boolean truncated) {

    /** From rows fetched with {@link ReadLogSearch#fetch()}: at most the search's limit, and whether more exist. */
    public static RecordReads of(List<RecordRead> fetched, ReadLogSearch search) {
        boolean more = fetched.size() > search.limit();
        return new RecordReads(more ? List.copyOf(fetched.subList(0, search.limit())) : List.copyOf(fetched), more);
    }
}
