package dev.sodamaven.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * A JSON request body re-read from its source on every try, so a retry sends it whole without
 * holding it in memory. Notes in {@code progress} when the body starts to go out: from then on the
 * server may have the whole request.
 */
final class RequestBodyEntity extends AbstractHttpEntity {

    private final RequestBody body;
    private final TransportFailure.Progress progress;

    RequestBodyEntity(RequestBody body, TransportFailure.Progress progress) {
        super(ContentType.APPLICATION_JSON, null);
        this.body = body;
        this.progress = progress;
    }

    @Override
    public InputStream getContent() throws IOException {
        return body.open();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        InputStream source;
        try {
            source = body.open();
        } catch (IOException local) {
            throw TransportFailure.LocalFileException.reading(
                    "the request body could not be read (" + local.getClass().getSimpleName() + ": "
                            + local.getMessage() + ")",
                    local);
        }
        try (InputStream in = source) {
            progress.bodySent = true;
            in.transferTo(out);
        }
    }

    @Override
    public long getContentLength() {
        return body.length();
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void close() {
        // Nothing held open between tries.
    }
}
