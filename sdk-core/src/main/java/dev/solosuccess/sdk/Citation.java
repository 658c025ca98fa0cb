package dev.solosuccess.sdk;

/**
 * Where a part of an {@link Answer} comes from: a retrieved chunk, or a sentence of it.
 *
 * @param marker the number the answer cites it by ({@code [1]} is 1); extractive answers number
 *     their sentences in the order of {@link Answer#citations()}
 * @param documentId the document
 * @param source the document's source (file path or name)
 * @param chunkId the retrieved chunk
 * @param provenance the page and character offsets of the cited text in the document's extracted
 *     text: the sentence for an extractive answer, the whole chunk for a generated one
 * @param text the cited text as it stands in the document
 */
public record Citation(
    int marker,
    String documentId,
    String source,
    String chunkId,
    Provenance provenance,
    String text) {}
