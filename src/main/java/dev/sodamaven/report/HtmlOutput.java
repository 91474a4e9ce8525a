package dev.sodamaven.report;

import dev.sodamaven.core.Outbound;
import dev.sodamaven.soda.LongText;
import java.io.IOException;
import java.io.Writer;

/**
 * An HTML stream that keeps markup and text apart: {@link #markup} is for the report's own fixed
 * tags, {@link #text} for anything that came from outside, which always goes through the run's
 * {@link Outbound}, is cut to {@link LongText}'s limit (after masking) and is escaped (fit for element
 * content and double-quoted attribute values alike).
 */
final class HtmlOutput {

    private static final String CONTROL = String.valueOf(ReportText.REPLACEMENT);

    private final Writer out;
    private final Outbound outbound;

    HtmlOutput(Writer out, Outbound outbound) {
        this.out = out;
        this.outbound = outbound;
    }

    /** Writes trusted markup as is: only ever literals of this package. */
    HtmlOutput markup(String markup) throws IOException {
        out.write(markup);
        return this;
    }

    /** {@code text} as it may be shown, before it is cut or folded: a cut could split a secret. */
    String shown(String text) {
        return outbound.text(text);
    }

    /** Writes {@code text} masked, cut and escaped; null writes nothing. */
    HtmlOutput text(String text) throws IOException {
        String cleaned = ReportText.clean(LongText.cut(outbound.text(text)));
        int plain = 0;
        for (int i = 0; i < cleaned.length(); i++) {
            String replacement = replacement(cleaned.charAt(i));
            if (replacement != null) {
                // Runs of plain text go out in one call: a call per character is slow on large reports.
                out.write(cleaned, plain, i - plain);
                out.write(replacement);
                plain = i + 1;
            }
        }
        out.write(cleaned, plain, cleaned.length() - plain);
        return this;
    }

    HtmlOutput text(long number) throws IOException {
        out.write(Long.toString(number));
        return this;
    }

    /** {@code one} or {@code many}, as {@code count} asks. */
    static String plural(long count, String one, String many) {
        return count == 1 ? one : many;
    }

    /** The escape for {@code c}, or null when it can be written as is. */
    private static String replacement(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            // DEL and the C1 controls are legal XML but parse errors in HTML text.
            default -> c >= 0x7F && c <= 0x9F ? CONTROL : null;
        };
    }
}
