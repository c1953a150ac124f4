package io.github.camelupload.emulators;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request {@code Content-Range: bytes {start}-{end}/{total|*}} header.
 *
 * @param start first byte of the chunk
 * @param end   last byte of the chunk, inclusive
 * @param total the file size, or null for {@code *}
 */
record ContentRange(long start, long end, Long total) {

    private static final Pattern FORMAT = Pattern.compile("bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)");

    /** Parses the header; the message of the exception is meant for the client. */
    static ContentRange parse(String header) {
        if (header == null) {
            throw new IllegalArgumentException("the Content-Range header is missing");
        }
        Matcher m = FORMAT.matcher(header.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("malformed Content-Range '" + header
                    + "', expected 'bytes {start}-{end}/{total}' or 'bytes {start}-{end}/*'");
        }
        long start = Long.parseLong(m.group(1));
        long end = Long.parseLong(m.group(2));
        Long total = m.group(3).equals("*") ? null : Long.valueOf(m.group(3));
        if (end < start) {
            throw new IllegalArgumentException("Content-Range end " + end + " is before its start " + start);
        }
        if (total != null && end >= total) {
            throw new IllegalArgumentException("Content-Range end " + end + " is beyond the total " + total);
        }
        return new ContentRange(start, end, total);
    }

    long length() {
        return end - start + 1;
    }
}
