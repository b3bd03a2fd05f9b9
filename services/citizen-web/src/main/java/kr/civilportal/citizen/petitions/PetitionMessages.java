package kr.civilportal.citizen.petitions;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The deadline texts of 나의 민원 ({@code {petition:...}} in templates): Korean by default
 * ({@code messages/petition_ko.properties}), English complete ({@code messages/petition_en.properties}). A bundle of
 * its own: the main one is at the size where more keys broke the build.
 */
@MessageBundle(value = "petition", locale = "ko")
public interface PetitionMessages {

    /** 처리기한 followed by the day. */
    @Message String due();

    /** Past the deadline while the office still owes the work. */
    @Message String overdue();

    /** A move-in report's own page: its 보완 (what is asked, until when) and the answer form. */
    @Message String movein_movers();
    @Message String movein_mover_count(int count);
    @Message String movein_detail_title();
    @Message String movein_supplement_title();
    @Message String movein_supplement_help();
    @Message String movein_supplement_answer();
    @Message String movein_supplement_answer_help();
    @Message String movein_supplement_submit();
    @Message String movein_supplement_err_answer();
    /** The file input of the 보완 answer (보완 서류) and residency's limits next to it. */
    @Message String movein_supplement_documents();
    @Message String movein_supplement_documents_help(int count, long megabytes);
    /** Each round's documents on the report's page, with their downloads. */
    @Message String movein_documents_title();
    @Message String movein_documents_round(int round, String what);
    @Message String movein_document_size(long kilobytes);
    @Message String movein_document_download(String name);
    @Message String movein_answered();
    /** The history's step of an answer (보완 제출). */
    @Message String movein_answer_step();

    /** A passport application's 보완 제출 form (text and documents, both optional) and the rounds answered. */
    @Message String passport_supplement_answer();
    @Message String passport_supplement_answer_help();
    @Message String passport_supplement_err_answer();
    @Message String passport_supplement_documents();
    @Message String passport_supplement_documents_help(int count, long megabytes);
    @Message String passport_answers_title();
    @Message String passport_answers_round(int round, String reason);
    @Message String passport_answered_at();
    @Message String passport_answer();
    @Message String passport_answer_none();
    @Message String passport_documents();
}
