package dev.solosuccess.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Fixed, reproducible benchmark text: sentences of 5 to 60 words in a small business's voice. */
final class Sentences {

  private static final String[] WORDS = (
      "the roaster must be cleaned every week before the morning shift starts and the chaff "
          + "collector emptied after every fourth batch so that no ember can reach the packed "
          + "chaff new hires get twelve vacation days in their first year and may carry forty "
          + "hours into the next calendar year customers can return unopened bags within thirty "
          + "days for a full refund with a receipt or an order number the espresso recipe uses "
          + "eighteen and a half grams in and forty grams out in twenty seven to thirty one "
          + "seconds at ninety three and a half degrees wholesale accounts are invoiced monthly "
          + "and overdue accounts are paused after forty five days")
      .split(" ");

  private Sentences() {}

  /**
   * {@code count} sentences of 5 to 60 words (uniform, mean 32.5), in a shuffled mix of lengths,
   * the same for the same seed.
   */
  static List<String> mixed(int count, long seed) {
    Random random = new Random(seed);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(sentence(5 + random.nextInt(56), random.nextInt(WORDS.length)));
    }
    return out;
  }

  private static String sentence(int length, int start) {
    StringBuilder b = new StringBuilder();
    for (int w = 0; w < length; w++) {
      if (w > 0) {
        b.append(' ');
      }
      b.append(WORDS[(start + w) % WORDS.length]);
    }
    return Character.toUpperCase(b.charAt(0)) + b.substring(1) + ".";
  }

  /** 32 sentences, lengths spread evenly from 5 to 60 words, the same on every run. */
  static List<String> batchOf32() {
    Random random = new Random(20261125);
    List<String> out = new ArrayList<>(32);
    for (int i = 0; i < 32; i++) {
      out.add(sentence(5 + (i * 55) / 31, random.nextInt(WORDS.length)));
    }
    return out;
  }
}
