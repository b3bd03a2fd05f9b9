package kr.civilportal.citizen.movein;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A 세대주 변경 (change of household head) as residency shows it to the filer (the head who asked) or to the member
 * named as the new head: names masked by residency ({@code 김*수}), never a registration number. Status and role are
 * read as text, so a value this page does not know shows as a decided change instead of failing the whole page.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HeadChange(UUID id, String status, OffsetDateTime filedAt, OffsetDateTime decidedAt, String role,
        Person newHead, Person filer, List<Member> relations) {

    /** Waiting for the named new head's answer (새 세대주 동의 대기). */
    static final String AWAITING = "AWAITING_NEW_HEAD";
    /** The caller is the member named as the new head: they consent or refuse. */
    static final String NEW_HEAD = "NEW_HEAD";

    /** Someone on the change, by the name residency masks. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(String name) {
    }

    /** Another member and their relation to the new head (새 세대주와의 관계) as filed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(String name, String relationToHead) {

        public Relation relation() {
            return HouseholdMembers.relation(relationToHead);
        }
    }

    public HeadChange {
        relations = relations == null ? List.of() : List.copyOf(relations);
        newHead = newHead == null ? new Person("") : newHead;
        filer = filer == null ? new Person("") : filer;
        status = status == null ? "" : status;
    }

    public boolean awaiting() {
        return AWAITING.equals(status);
    }

    /** The caller is the one who must answer: consent or refuse. */
    public boolean toAnswer() {
        return awaiting() && NEW_HEAD.equals(role);
    }

    /** The caller filed it and may still withdraw it (취소). */
    public boolean toWithdraw() {
        return awaiting() && !NEW_HEAD.equals(role);
    }

    /** The status as the page words it. */
    public HeadChangeStatus shown() {
        return HeadChangeStatus.of(status);
    }
}
