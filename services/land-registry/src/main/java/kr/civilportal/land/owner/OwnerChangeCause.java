package kr.civilportal.land.owner;

/** Cause of a change of owner (변동원인), as the land register names it. */
public enum OwnerChangeCause {
    /** 소유권보존: first registration of the owner. */
    OWNERSHIP_PRESERVATION("소유권보존"),
    /** 매매. */
    SALE("매매"),
    /** 상속. */
    INHERITANCE("상속"),
    /** 증여. */
    GIFT("증여"),
    /** 분할: division of co-owned land or of a parcel. */
    PARTITION("분할"),
    /** 합병. */
    CONSOLIDATION("합병"),
    /** 경매 (임의경매·강제경매). */
    AUCTION("경매"),
    /** 수용: acquisition for public works. */
    EXPROPRIATION("수용"),
    /** 기타. */
    OTHER("기타");

    private final String nameKo;

    OwnerChangeCause(String nameKo) {
        this.nameKo = nameKo;
    }

    public String nameKo() {
        return nameKo;
    }
}
