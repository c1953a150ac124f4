package io.github.camelupload.emulators;

import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Reproducible content of any length without holding it: byte {@code i} is {@code block[i % block.length]}, with a
 * random block whose odd length keeps chunk boundaries from lining up with it (so a misplaced chunk changes the
 * hash).
 */
final class SeededPattern {

    private final byte[] block;

    SeededPattern(long seed) {
        block = TestHttp.randomBytes(1024 * 1024 + 7, seed);
    }

    /** Fills {@code buffer[0..length)} with the bytes at {@code position..position+length)}. */
    void fill(byte[] buffer, int length, long position) {
        int offset = 0;
        int p = (int) (position % block.length);
        while (offset < length) {
            int n = Math.min(length - offset, block.length - p);
            System.arraycopy(block, p, buffer, offset, n);
            offset += n;
            p = 0;
        }
    }

    /** A stream of the first {@code size} bytes, feeding {@code digest} as it is read. */
    InputStream stream(long size, MessageDigest digest) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - position);
                byte[] tmp = off == 0 ? b : new byte[n];
                fill(tmp, n, position);
                if (off != 0) {
                    System.arraycopy(tmp, 0, b, off, n);
                }
                digest.update(b, off, n);
                position += n;
                return n;
            }
        };
    }
}
