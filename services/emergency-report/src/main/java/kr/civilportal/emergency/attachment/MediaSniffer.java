package kr.civilportal.emergency.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a photo or video by its first bytes (magic numbers), never by the name or the declared type, which
 * a client sets to anything. JPEG: {@code FF D8 FF}; PNG: its 8-byte signature; HEIC, MP4 and QuickTime:
 * an ISO base media {@code ftyp} box whose major brand says which, or a bare QuickTime atom.
 */
public final class MediaSniffer {

    /** Enough bytes for every signature below. */
    public static final int HEAD_BYTES = 16;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1");
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42",
            "avc1", "dash", "M4V ", "MSNV", "3gp4", "3gp5", "3gp6", "3g2a");
    private static final Set<String> QUICKTIME_ATOMS = Set.of("moov", "mdat", "wide", "free", "skip", "pnot");

    private MediaSniffer() {
    }

    public static Optional<AttachmentType> sniff(byte[] head) {
        if (head == null || head.length < 3) {
            return Optional.empty();
        }
        if ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return Optional.of(AttachmentType.JPEG);
        }
        if (startsWith(head, PNG)) {
            return Optional.of(AttachmentType.PNG);
        }
        if (head.length < 12) {
            return Optional.empty();
        }
        String box = ascii(head, 4, 4);
        if (box.equals("ftyp")) {
            String brand = ascii(head, 8, 4);
            if (HEIC_BRANDS.contains(brand)) {
                return Optional.of(AttachmentType.HEIC);
            }
            if (brand.equals("qt  ")) {
                return Optional.of(AttachmentType.QUICKTIME);
            }
            if (MP4_BRANDS.contains(brand)) {
                return Optional.of(AttachmentType.MP4);
            }
            return Optional.empty();
        }
        // Older QuickTime files start straight with an atom, no ftyp.
        return QUICKTIME_ATOMS.contains(box) ? Optional.of(AttachmentType.QUICKTIME) : Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] bytes, int from, int length) {
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }
}
