package kr.civilportal.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void koreanTextEmojiAndControlCharactersOtherThanNulAreStorable() {
        assertTrue(StorableText.isStorable("서울특별시 종로구 세종대로 209, 1502호"));
        assertTrue(StorableText.isStorable("불이 났어요 \uD83D\uDD25\t\n끝"));
        assertTrue(StorableText.isStorable(""));
        assertTrue(StorableText.isStorable(null));
    }

    @Test
    void aNulAnywhereIsNot() {
        assertEquals(2, StorableText.firstUnstorable("ab\u0000cd"));
        assertEquals(0, StorableText.firstUnstorable("\u0000"));
        assertEquals(3, StorableText.firstUnstorable("세종로\u0000"));
        assertFalse(StorableText.isStorable("ab\u0000cd"));
    }

    @Test
    void anUnpairedSurrogateIsNotThoughAPairIs() {
        assertEquals(1, StorableText.firstUnstorable("a\uD83Db"), "a high surrogate without its low half");
        assertEquals(1, StorableText.firstUnstorable("a\uDD25b"), "a low surrogate alone");
        assertEquals(2, StorableText.firstUnstorable("ab\uD83D"), "a high surrogate at the end");
        assertEquals(-1, StorableText.firstUnstorable("a\uD83D\uDD25b"));
    }

    @Test
    void theDatabaseRefusingACharacterIsRecognisedThroughWrappers() {
        SQLException nul = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        assertTrue(StorableText.refusedByDatabase(new IllegalStateException(new RuntimeException(nul))));
        assertTrue(StorableText.refusedByDatabase(new SQLException("untranslatable", "22P05")));
        assertFalse(StorableText.refusedByDatabase(new RuntimeException(new SQLException("deadlock", "40P01"))));
        assertFalse(StorableText.refusedByDatabase(new RuntimeException("no SQL at all")));
    }
}
