package dev.sodamaven.soda;

import java.nio.file.Path;

/**
 * A scan results file as found on disk, checked before it is sent.
 *
 * @param file      the file
 * @param checks    how many checks it holds
 * @param bodyStart byte offset of its opening brace (the token is spliced in after it)
 */
public record SavedScan(Path file, int checks, long bodyStart) {}
