package dev.solosuccess.engine.internal.chunk;

import dev.solosuccess.engine.ChunkingStrategy;
import dev.solosuccess.engine.internal.model.Tokenization;
import dev.solosuccess.engine.internal.parse.ExtractedText;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text into chunks that fit the embedding model's input, so that no chunk is ever truncated.
 * With {@link ChunkingStrategy#SENTENCE} sentences are packed up to the token budget, consecutive
 * chunks share up to {@code overlapTokens} of trailing sentences, and a sentence longer than the
 * budget is cut at word boundaries; {@link ChunkingStrategy#SECTION} does the same within each
 * section; {@link ChunkingStrategy#FIXED} cuts windows of word pieces. Chunks never cross a page,
 * so each has one page number. Thread-safe.
 */
public final class Chunker {

  private final ChunkingStrategy strategy;
  private final Tokenization tokens;
  private final int budget;
  private final int overlap;

  /**
   * @param strategy how to cut
   * @param tokens the model's tokenizer
   * @param maxTokens the most word pieces per chunk, special tokens excluded
   * @param overlapTokens the most word pieces that consecutive chunks share
   */
  public Chunker(
      ChunkingStrategy strategy, Tokenization tokens, int maxTokens, int overlapTokens) {
    if (maxTokens < 8) {
      throw new IllegalArgumentException("maxTokens must be >= 8, got " + maxTokens);
    }
    if (overlapTokens < 0 || overlapTokens >= maxTokens / 2) {
      throw new IllegalArgumentException(
          "overlapTokens must be in 0.." + (maxTokens / 2 - 1) + ", got " + overlapTokens);
    }
    this.strategy = strategy;
    this.tokens = tokens;
    this.budget = maxTokens;
    this.overlap = overlapTokens;
  }

  /** The chunks of a document, in text order. */
  public List<ChunkSpan> chunk(ExtractedText extracted) {
    String text = extracted.text();
    List<ChunkSpan> spans = new ArrayList<>();
    for (ExtractedText.Span page : extracted.pages()) {
      for (int[] region : regions(extracted, page)) {
        if (strategy == ChunkingStrategy.FIXED) {
          windows(text, page.page(), region[0], region[1], spans);
          continue;
        }
        List<Unit> units = new ArrayList<>();
        for (int[] s : Sentences.split(text, region[0], region[1])) {
          addUnits(text, s[0], s[1], units);
        }
        pack(text, page.page(), units, spans);
      }
    }
    List<ChunkSpan> chunks = new ArrayList<>(spans.size());
    for (ChunkSpan s : spans) {
      chunks.add(
          new ChunkSpan(s.page(), s.start(), s.end(), s.tokens(), extracted.sectionAt(s.start())));
    }
    return chunks;
  }

  /** The parts of a page that chunks must not cross: the page, or its sections. */
  private List<int[]> regions(ExtractedText extracted, ExtractedText.Span page) {
    if (strategy != ChunkingStrategy.SECTION) {
      return List.of(new int[] {page.start(), page.end()});
    }
    List<int[]> regions = new ArrayList<>();
    for (ExtractedText.Section s : extracted.sections()) {
      int start = Math.max(s.start(), page.start());
      int end = Math.min(s.end(), page.end());
      if (start < end) {
        regions.add(new int[] {start, end});
      }
    }
    return regions;
  }

  /** Fixed windows of word pieces over {@code text[start, end)}. */
  private void windows(String text, int page, int start, int end, List<ChunkSpan> out) {
    String region = text.substring(start, end);
    int[] starts = tokens.tokenStarts(region);
    int i = 0;
    while (i < starts.length) {
      int j = Math.min(i + budget, starts.length);
      int pieceStart = starts[i];
      int pieceEnd = j < starts.length ? starts[j] : region.length();
      while (pieceEnd > pieceStart && Character.isWhitespace(region.charAt(pieceEnd - 1))) {
        pieceEnd--;
      }
      int count = tokens.countTokens(region.substring(pieceStart, pieceEnd));
      while (count > budget && j - 1 > i) {
        // A cut inside a word can tokenize into more pieces than the window held.
        j--;
        pieceEnd = starts[j];
        count = tokens.countTokens(region.substring(pieceStart, pieceEnd));
      }
      out.add(new ChunkSpan(page, start + pieceStart, start + pieceEnd, count, List.of()));
      if (j >= starts.length) {
        return;
      }
      i = Math.max(i + 1, j - overlap);
    }
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
      out.add(
          new ChunkSpan(page, units.get(i).start(), units.get(j - 1).end(), count, List.of()));
      if (j >= units.size()) {
        return;
      }
      int k = j;
      int shared = 0;
      while (k - 1 > i && shared + units.get(k - 1).tokens() <= overlap) {
        shared += units.get(k - 1).tokens();
        k--;
      }
      if (shared + units.get(j).tokens() > budget) {
        k = j; // the overlap would leave no room for the next unit: a chunk of repeats only
      }
      i = k;
    }
  }
}
