package dev.sodamaven.http;

import dev.sodamaven.core.AtomicFileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Streams a successful answer to its file, within the download limit. The limit counts the bytes
 * written, after HttpClient undid any {@code Content-Encoding}: a small gzip answer can inflate a
 * thousandfold. An announced length over the limit is refused before a file is created; a body that
 * grows past it stops being read at once. Either way {@link AtomicFileWriter} leaves no file behind,
 * and the transport drops the connection rather than read the rest.
 */
final class DownloadWriter {

    private static final long PROGRESS_STEP = 25L * 1024 * 1024;

    private DownloadWriter() {}

    /** Writes the body of {@code entity} (none: an empty file) to {@code target}, which appears only when complete. */
    static void write(HttpEntity entity, Path target, long maxBytes, DownloadListener listener) throws IOException {
        long announced = entity == null ? -1 : entity.getContentLength();
        if (announced > maxBytes) {
            throw new TransportFailure.DownloadTooLargeException(maxBytes);
        }
        AtomicFileWriter.write(
                target,
                out -> {
                    if (entity != null) {
                        // Not closed here: closing a body stream reads it to its end.
                        InputStream in = entity.getContent();
                        if (in != null) {
                            copy(in, out, announced, maxBytes, listener);
                        }
                    }
                },
                (step, local) -> switch (step) {
                    case CREATE ->
                        TransportFailure.LocalFileException.writing(
                                "the download could not be written to "
                                        + target.toAbsolutePath().getParent() + " ("
                                        + local.getClass().getSimpleName() + ": "
                                        + local.getMessage() + ")",
                                local);
                    case MOVE ->
                        TransportFailure.LocalFileException.writing(
                                "the download could not be moved to " + target + " ("
                                        + local.getClass().getSimpleName() + ": " + local.getMessage() + ")",
                                local);
                });
    }

    private static void copy(InputStream in, OutputStream out, long total, long maxBytes, DownloadListener listener)
            throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        long nextReport = PROGRESS_STEP;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            if (read > maxBytes - written) {
                throw new TransportFailure.DownloadTooLargeException(maxBytes);
            }
            try {
                out.write(buffer, 0, read);
            } catch (IOException local) {
                throw TransportFailure.LocalFileException.writing(
                        "the download could not be written to disk (" + local.getMessage() + ")", local);
            }
            written += read;
            if (written >= nextReport) {
                listener.progress(written, total);
                nextReport += PROGRESS_STEP;
            }
        }
    }
}
