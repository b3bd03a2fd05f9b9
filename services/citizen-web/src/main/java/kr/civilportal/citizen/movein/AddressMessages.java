package kr.civilportal.citizen.movein;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The move-in form's road-name address search ({@code {address:...}} in templates): Korean by default
 * ({@code messages/address_ko.properties}), English complete ({@code messages/address_en.properties}). A bundle of
 * its own: the main one is at the size where more keys break the build (a VerifyError in the generated bundle).
 */
@MessageBundle(value = "address", locale = "ko")
public interface AddressMessages {

    /** The search box's label: 주소 검색어. */
    @Message String query();

    @Message String query_help();

    /** The button that searches (주소 검색). */
    @Message String search();

    /** The legend of the matches to choose from: 찾은 주소. */
    @Message String found();

    @Message String found_help();

    /** Before any search: where the matches will be. */
    @Message String found_none();

    /** 검색 결과가 없습니다. */
    @Message String no_result();

    /** Before the 행정동's name in a match. */
    @Message String administrative_dong();

    /** 상세주소 (동·호수), optional. */
    @Message String detail();

    @Message String detail_help();

    /** The search asked with nothing to search for. */
    @Message String err_query();

    /** Residency refused the search without naming the query. */
    @Message String err_search();

    /** A new household's report with no address chosen among the matches. */
    @Message String err_choose();
}
