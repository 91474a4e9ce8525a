package dev.sodamaven.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body that can be sent more than once (for retries) without being held in memory. */
public interface RequestBody {

    /** A fresh stream over the whole body. */
    InputStream open() throws IOException;

    /** Its length in bytes. */
    long length();

    static RequestBody of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return new RequestBody() {
            @Override
            public InputStream open() {
                return new ByteArrayInputStream(copy);
            }

            @Override
            public long length() {
                return copy.length;
            }
        };
    }
}
