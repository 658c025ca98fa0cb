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
    List<ChunkSpan> chunks = new ArrayList<>();
    for (ExtractedText.Span page : extracted.pages()) {
      for (int[] region : regions(extracted, page)) {
        if (strategy == ChunkingStrategy.FIXED) {
          windows(extracted, page.page(), region[0], region[1], chunks);
          continue;
        }
        pack(extracted, page.page(), units(text, region[0], region[1]), chunks);
      }
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
  private void windows(
      ExtractedText extracted, int page, int start, int end, List<ChunkSpan> out) {
    String region = extracted.text().substring(start, end);
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
      out.add(span(extracted, page, start + pieceStart, start + pieceEnd, count));
      if (j >= starts.length) {
        return;
      }
      i = Math.max(i + 1, j - overlap);
    }
  }

  /**
   * A sentence, or a piece of a long one.
   *
   * @param whole a whole sentence: word pieces never span the whitespace between sentences, so the
   *     token count of consecutive whole sentences is the sum of theirs
   */
  private record Unit(int start, int end, int tokens, boolean whole) {}

  /** Characters of consecutive sentences tokenized in one call: one native call, not hundreds. */
  private static final int SLICE_CHARS = 16_384;

  /** The sentences of {@code text[from, to)} as units, long sentences cut to the budget. */
  private List<Unit> units(String text, int from, int to) {
    List<int[]> sentences = Sentences.split(text, from, to);
    List<Unit> units = new ArrayList<>();
    int i = 0;
    while (i < sentences.size()) {
      int sliceStart = sentences.get(i)[0];
      int j = i + 1;
      while (j < sentences.size() && sentences.get(j)[1] - sliceStart <= SLICE_CHARS) {
        j++;
      }
      int[] starts = tokens.tokenStarts(text.substring(sliceStart, sentences.get(j - 1)[1]));
      for (int k = i; k < j; k++) {
        int[] s = sentences.get(k);
        int lo = lowerBound(starts, s[0] - sliceStart);
        int hi = lowerBound(starts, s[1] - sliceStart);
        int[] own = new int[hi - lo];
        for (int t = lo; t < hi; t++) {
          own[t - lo] = starts[t] - (s[0] - sliceStart);
        }
        addUnits(text, s[0], s[1], own, units);
      }
      i = j;
    }
    return units;
  }

  private static int lowerBound(int[] sorted, int key) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * @param starts the sentence's word-piece starts, relative to {@code start}
   */
  private void addUnits(String text, int start, int end, int[] starts, List<Unit> units) {
    String sentence = text.substring(start, end);
    if (starts.length == 0) {
      return; // nothing the model would read, e.g. only control symbols
    }
    if (starts.length <= budget) {
      units.add(new Unit(start, end, starts.length, true));
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
      units.add(new Unit(start + pieceStart, start + pieceEnd, j - i, false));
      i = j;
    }
  }

  private static ChunkSpan span(ExtractedText extracted, int page, int start, int end, int tokens) {
    return new ChunkSpan(page, start, end, tokens, extracted.sectionAt(start));
  }

  private void pack(ExtractedText extracted, int page, List<Unit> units, List<ChunkSpan> out) {
    String text = extracted.text();
    int i = 0;
    while (i < units.size()) {
      int j = i;
      int sum = 0;
      while (j < units.size() && sum + units.get(j).tokens() <= budget) {
        sum += units.get(j).tokens();
        j++;
      }
      // The sum is exact for whole sentences; a piece cut inside a word may tokenize differently
      // when joined, so such chunks are counted again and shrunk until they fit.
      boolean exact = true;
      for (int u = i; u < j; u++) {
        exact &= units.get(u).whole();
      }
      int count =
          exact
              ? sum
              : tokens.countTokens(text.substring(units.get(i).start(), units.get(j - 1).end()));
      while (count > budget && j - 1 > i) {
        j--;
        count = tokens.countTokens(text.substring(units.get(i).start(), units.get(j - 1).end()));
      }
      out.add(span(extracted, page, units.get(i).start(), units.get(j - 1).end(), count));
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
