package dev.sodamaven.http;

/** Told how a download to disk progresses, so long downloads show signs of life. */
@FunctionalInterface
public interface DownloadListener {

    /**
     * @param bytesSoFar bytes written so far
     * @param totalBytes the announced length, or -1 when unknown
     */
    void progress(long bytesSoFar, long totalBytes);

    DownloadListener NONE = (bytesSoFar, totalBytes) -> {};
}
