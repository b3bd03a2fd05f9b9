package kr.civilportal.common.masking;

import io.quarkus.logging.LoggingFilter;
import java.text.MessageFormat;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Last line of defence: whatever a developer or a library logs, a resident registration number or phone
 * number is masked before the line is written. Code must still never log personal data on purpose; this
 * catches what slips through (exception messages quoting input, SQL errors, third-party logs).
 * Enabled with {@code quarkus.log.console.filter=personal-data} (and the same for file handlers).
 */
@LoggingFilter(name = "personal-data")
public final class PersonalDataLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        String formatted = format(record);
        String masked = Masking.inText(formatted);
        if (masked != null && !masked.equals(formatted)) {
            record.setMessage(masked);
            record.setParameters(null);
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
            }
        }
        Throwable thrown = record.getThrown();
        if (thrown != null && containsPersonalData(thrown)) {
            record.setThrown(new MaskedThrowable(thrown));
        }
        return true;
    }

    private static String format(LogRecord record) {
        String message = record.getMessage();
        Object[] params = record.getParameters();
        if (message == null || params == null || params.length == 0) {
            return message;
        }
        try {
            if (record instanceof ExtLogRecord ext && ext.getFormatStyle() == ExtLogRecord.FormatStyle.PRINTF) {
                return String.format(message, params);
            }
            return MessageFormat.format(message, params);
        } catch (RuntimeException e) {
            return message;
        }
    }

    private static boolean containsPersonalData(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m != null && !m.equals(Masking.inText(m))) {
                return true;
            }
        }
        return false;
    }

    /** Stands in for an exception whose message (or a cause's) quoted personal data; keeps the stack. */
    static final class MaskedThrowable extends RuntimeException {
        MaskedThrowable(Throwable original) {
            super(original.getClass().getName() + ": " + Masking.inText(original.getMessage()),
                    original.getCause() == null ? null : new MaskedThrowable(original.getCause()), false, true);
            setStackTrace(original.getStackTrace());
        }
    }
}
