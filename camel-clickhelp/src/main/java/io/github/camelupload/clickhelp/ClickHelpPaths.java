package io.github.camelupload.clickhelp;

import java.nio.charset.StandardCharsets;

import io.github.camelupload.support.http.Inputs;

/** Checks a storage path and encodes it for the request line. */
final class ClickHelpPaths {

    private ClickHelpPaths() {
    }

    /**
     * Checks a storage path before any request: not empty, folders separated by '/', no empty, '.' or '..' segment, no
     * backslash, no control character. One or more leading '/' are dropped (the path is relative to the Storage root).
     *
     * @param  where where the path came from, for the message (e.g. "the CamelClickHelpFilePath header")
     * @return       the path without leading '/'
     */
    static String validate(String path, String where) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("The file path is empty (" + where + ")");
        }
        Inputs.requireNoControlCharacters("file path (" + where + ")", path);
        if (path.indexOf('\\') >= 0) {
            throw new IllegalArgumentException(
                    "The file path '" + path + "' (" + where + ") contains a backslash: separate folders with '/'");
        }
        String relative = path;
        while (relative.startsWith("/")) {
            relative = relative.substring(1);
        }
        if (relative.isBlank()) {
            throw new IllegalArgumentException("The file path '" + path + "' (" + where + ") names no file");
        }
        if (relative.endsWith("/")) {
            throw new IllegalArgumentException(
                    "The file path '" + path + "' (" + where + ") ends with '/': it must name a file, not a folder");
        }
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException(
                        "The file path '" + path + "' (" + where + ") has an empty folder name ('//')");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException(
                        "The file path '" + path + "' (" + where + ") contains '" + segment
                                                   + "': relative segments are not allowed in a storage path");
            }
        }
        return relative;
    }

    /**
     * Percent-encodes each segment as UTF-8, keeping only the unreserved characters of RFC 3986 as they are, so that
     * spaces, '#', '%', '+', '?' and non-ASCII letters reach the server as part of the name.
     */
    static String encode(String path) {
        StringBuilder sb = new StringBuilder(path.length() + 16);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '/' || isUnreserved(c)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static boolean isUnreserved(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
               || c == '~';
    }
}
