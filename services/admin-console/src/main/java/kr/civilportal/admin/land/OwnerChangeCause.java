package kr.civilportal.admin.land;

/** The service's causes of a change of owner (변동원인), in the order officers meet them most. */
public enum OwnerChangeCause {
    SALE, INHERITANCE, GIFT, PARTITION, CONSOLIDATION, AUCTION, EXPROPRIATION, OWNERSHIP_PRESERVATION, OTHER
}
