package kr.civilportal.documents;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code as a module matrix. Drawn into the PDF as vector squares (no image, no AWT), so it stays sharp
 * when printed and costs nothing to render on a headless server.
 */
public final class QrCode {

    private QrCode() {
    }

    /** The modules of a QR code for {@code text}, with the 4-module quiet zone the standard asks for. */
    public static BitMatrix encode(String text) {
        try {
            // Level M survives a stamp or a fold on a printed certificate.
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Text too long for a QR code", e);
        }
    }
}
