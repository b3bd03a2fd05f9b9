package kr.civilportal.emergency.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import kr.civilportal.emergency.Fixtures;
import org.junit.jupiter.api.Test;

class MediaSnifferTest {

    @Test
    void tellsPhotosAndVideosByTheirBytes() {
        assertEquals(AttachmentType.JPEG, MediaSniffer.sniff(head(Fixtures.jpeg(100))).orElseThrow());
        assertEquals(AttachmentType.PNG, MediaSniffer.sniff(head(Fixtures.png(100))).orElseThrow());
        assertEquals(AttachmentType.HEIC, MediaSniffer.sniff(head(Fixtures.heic(100))).orElseThrow());
        assertEquals(AttachmentType.MP4, MediaSniffer.sniff(head(Fixtures.mp4(100))).orElseThrow());
        assertEquals(AttachmentType.QUICKTIME, MediaSniffer.sniff(head(Fixtures.quicktime(100))).orElseThrow());
    }

    @Test
    void refusesEverythingElseWhateverItIsCalled() {
        assertTrue(MediaSniffer.sniff(head(Fixtures.html())).isEmpty());
        assertTrue(MediaSniffer.sniff("%PDF-1.7\n".getBytes()).isEmpty());
        assertTrue(MediaSniffer.sniff(new byte[] {'M', 'Z', (byte) 0x90, 0}).isEmpty(), "a Windows program");
        assertTrue(MediaSniffer.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8}).isEmpty(), "too short to tell");
        assertTrue(MediaSniffer.sniff(new byte[0]).isEmpty());
        byte[] otherBrand = head(Fixtures.mp4(100));
        otherBrand[8] = 'x';
        assertTrue(MediaSniffer.sniff(otherBrand).isEmpty(), "an ftyp box of an unknown brand");
    }

    private static byte[] head(byte[] bytes) {
        return Arrays.copyOf(bytes, Math.min(bytes.length, MediaSniffer.HEAD_BYTES));
    }
}
