package dev.solosuccess.engine.internal.chunk;

import dev.solosuccess.engine.internal.model.Tokenization;
import dev.solosuccess.engine.internal.parse.ExtractedText;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text into chunks of whole sentences that fit the embedding model's input, so that no chunk
 * is ever truncated: sentences are packed up to the token budget, consecutive chunks share up to
 * {@code overlapTokens} of trailing sentences, and a sentence longer than the budget is cut at word
 * boundaries. Chunks never cross a page, so each has one page number. Thread-safe.
 */
public final class SentenceChunker {

  private final Tokenization tokens;
  private final int budget;
  private final int overlap;

  /**
   * @param tokens the model's tokenizer
   * @param maxTokens the most word pieces per chunk, special tokens excluded
   * @param overlapTokens the most word pieces that consecutive chunks share
   */
  public SentenceChunker(Tokenization tokens, int maxTokens, int overlapTokens) {
    if (maxTokens < 8) {
      throw new IllegalArgumentException("maxTokens must be >= 8, got " + maxTokens);
    }
    if (overlapTokens < 0 || overlapTokens >= maxTokens / 2) {
      throw new IllegalArgumentException(
          "overlapTokens must be in 0.." + (maxTokens / 2 - 1) + ", got " + overlapTokens);
    }
    this.tokens = tokens;
    this.budget = maxTokens;
    this.overlap = overlapTokens;
  }

  /** The chunks of a document, in text order. */
  public List<ChunkSpan> chunk(ExtractedText extracted) {
    String text = extracted.text();
    List<ChunkSpan> chunks = new ArrayList<>();
    for (ExtractedText.Span page : extracted.pages()) {
      List<Unit> units = new ArrayList<>();
      for (int[] s : Sentences.split(text, page.start(), page.end())) {
        addUnits(text, s[0], s[1], units);
      }
      pack(text, page.page(), units, chunks);
    }
    return chunks;
  }

  /** A sentence, or a piece of a long one. */
  private record Unit(int start, int end, int tokens) {}

  private void addUnits(String text, int start, int end, List<Unit> units) {
    String sentence = text.substring(start, end);
    int[] starts = tokens.tokenStarts(sentence);
    if (starts.length == 0) {
      return; // nothing the model would read, e.g. only control symbols
    }
    if (starts.length <= budget) {
      units.add(new Unit(start, end, starts.length));
      return;
    }
    int i = 0;
    while (i < starts.length) {
      int j = Math.min(i + budget, starts.length);
      if (j < starts.length) {
        // Prefer to cut before a word piece that starts a word.
        int k = j;
        while (k > i + budget / 2
            && (starts[k] == 0 || !Character.isWhitespace(sentence.charAt(starts[k] - 1)))) {
          k--;
        }
        if (k > i + budget / 2) {
          j = k;
        }
      }
      int pieceStart = starts[i];
      int pieceEnd = j < starts.length ? starts[j] : sentence.length();
      while (pieceEnd > pieceStart && Character.isWhitespace(sentence.charAt(pieceEnd - 1))) {
        pieceEnd--;
      }
      units.add(new Unit(start + pieceStart, start + pieceEnd, j - i));
      i = j;
    }
  }

  private void pack(String text, int page, List<Unit> units, List<ChunkSpan> out) {
    int i = 0;
    while (i < units.size()) {
      int j = i;
      int sum = 0;
      while (j < units.size() && sum + units.get(j).tokens() <= budget) {
        sum += units.get(j).tokens();
        j++;
      }
      // Re-count the joined text: the sum of its sentences is exact for word-piece tokenizers,
      // but a cut inside a word may tokenize differently; shrink until it fits.
      int count = tokens.countTokens(text.substring(units.get(i).start(), units.get(j - 1).end()));
      while (count > budget && j - 1 > i) {
        j--;
        count = tokens.countTokens(text.substring(units.get(i).start(), units.get(j - 1).end()));
      }
      out.add(new ChunkSpan(page, units.get(i).start(), units.get(j - 1).end(), count));
      if (j >= units.size()) {
        return;
      }
      int k = j;
      int shared = 0;
      while (k - 1 > i && shared + units.get(k - 1).tokens() <= overlap) {
        shared += units.get(k - 1).tokens();
        k--;
      }
      i = k;
    }
  }
}
