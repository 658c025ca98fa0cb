package dev.solosuccess.engine;

import java.util.List;

/**
 * What {@link SoloEngine#verify(EngineConfig)} found.
 *
 * @param ok whether no problem was found
 * @param documents documents in the store
 * @param storeChunks chunks in the store
 * @param storeSequence the store's last change
 * @param indexChunks live chunks in the index
 * @param indexSequence the last change the index reflects (it catches up when the engine opens)
 * @param indexSegments index segments checked by Lucene's CheckIndex
 * @param problems what is wrong, one line each; empty when ok
 */
public record VerifyReport(
    boolean ok,
    long documents,
    long storeChunks,
    long storeSequence,
    long indexChunks,
    long indexSequence,
    int indexSegments,
    List<String> problems) {

  public VerifyReport {
    problems = List.copyOf(problems);
  }
}
