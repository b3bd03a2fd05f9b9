package kr.civilportal.citizen.movein;

import java.util.List;
import java.util.UUID;

/** The move-in report (전입신고) form as entered. */
public class MoveInForm {

    public static final List<String> MODES = List.of("NEW_HOUSEHOLD", "JOIN_HOUSEHOLD");
    public static final List<String> RELATIONS = List.of("SPOUSE", "CHILD", "PARENT", "SIBLING", "OTHER");

    public String mode = "NEW_HOUSEHOLD";
    public String address = "";
    public String movedInOn = "";
    public String headNumber = "";
    public String relation = "";
    public String idempotencyKey = UUID.randomUUID().toString();

    public List<String> modes() {
        return MODES;
    }

    public List<String> relations() {
        return RELATIONS;
    }
}
