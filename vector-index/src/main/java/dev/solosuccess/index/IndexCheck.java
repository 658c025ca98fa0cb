package dev.solosuccess.index;

/**
 * What Lucene's {@code CheckIndex} found in an index: every segment's files read in full and their
 * checksums compared.
 *
 * @param clean whether no problem was found
 * @param segments segments checked
 * @param chunks live chunks in the index
 * @param committedSequence the sequence number recorded by the last commit
 * @param problem what is wrong, in Lucene's words; empty when clean
 */
public record IndexCheck(
    boolean clean, int segments, long chunks, long committedSequence, String problem) {}
