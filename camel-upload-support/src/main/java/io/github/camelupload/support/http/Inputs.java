package io.github.camelupload.support.http;

/** Checks of user-supplied text that ends up in a request line or header. */
public final class Inputs {

    private Inputs() {
    }

    /**
     * Rejects CR, LF, NUL and every other control character: they could split a header or a request line.
     *
     * @param what names the value in the message (e.g. "file path")
     */
    public static String requireNoControlCharacters(String what, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException(
                        "The " + what + " contains a control character (U+" + String.format("%04X", (int) c) + ") at position "
                                                   + i + ", which is not allowed");
            }
        }
        return value;
    }
}
