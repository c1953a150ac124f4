package io.github.camelupload.examples;

import java.io.PrintStream;
import java.util.List;

/** The closing table: one row per file, and a verdict. */
final class SummaryTable {

    /** One row: an upload's outcome with what the progress board and the verification added. */
    record Row(UploadLedger.Outcome outcome, int retries, boolean resumed, boolean verified, String note) {
    }

    private SummaryTable() {
    }

    static void print(PrintStream out, List<Row> rows, int expected) {
        String format = "%-14s %-28s %10s %8s %8s %7s %7s %8s%n";
        out.println();
        out.printf(format, "service", "file", "size", "time", "MB/s", "retries", "resumed", "verified");
        out.println("-".repeat(98));
        for (Row row : rows) {
            UploadLedger.Outcome o = row.outcome();
            double seconds = o.millis() / 1000.0;
            out.printf(format, o.service(), shorten(o.fileName(), 28), Format.bytes(o.size()), String.format("%.1fs", seconds),
                    String.format("%.1f", seconds > 0 ? o.size() / 1e6 / seconds : 0), row.retries(),
                    row.resumed() ? "yes" : "no", row.verified() ? "yes" : "NO");
            if (row.note() != null) {
                out.println("    " + row.note());
            }
        }
        long verified = rows.stream().filter(Row::verified).count();
        out.println("-".repeat(98));
        if (verified == expected && rows.size() == expected) {
            out.println("All " + expected + " uploads verified: the stored bytes equal the sent bytes (SHA-256).");
        } else {
            out.println("NOT verified: " + verified + " of " + expected + " uploads; see the notes above.");
        }
    }

    private static String shorten(String text, int width) {
        if (text == null) {
            return "?";
        }
        return text.length() <= width ? text : "..." + text.substring(text.length() - width + 3);
    }
}
