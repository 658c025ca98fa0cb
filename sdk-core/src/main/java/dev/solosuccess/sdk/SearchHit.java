package dev.solosuccess.sdk;

/**
 * One result of a search.
 *
 * @param rank 1-based position in the results
 * @param documentId the document
 * @param source the document's source (file path or name)
 * @param chunkId the chunk that matched (for document grouping: the document's best chunk)
 * @param score higher is better; comparable only within one result list (BM25 score, cosine
 *     similarity, or fused reciprocal-rank score, by mode)
 * @param snippet a short passage of the chunk, chosen to show why it matched
 * @param provenance the chunk's page and character offsets in the document's extracted text
 * @param metadata the document's metadata as the caller gave it ({@link Document#extracted()} has
 *     what the parser found; filters match both)
 * @param explanation how each retriever ranked and scored the hit, and how that made {@code
 *     score} ({@code solo search --explain})
 */
public record SearchHit(
    int rank,
    String documentId,
    String source,
    String chunkId,
    double score,
    String snippet,
    Provenance provenance,
    Metadata metadata,
    Explanation explanation) {}
