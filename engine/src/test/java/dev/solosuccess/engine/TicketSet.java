package dev.solosuccess.engine;

import dev.solosuccess.sdk.LabeledText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The labelled test set {@code classify/support-tickets.tsv}: 100 customer messages to a coffee
 * roaster, 25 each of billing, shipping, coffee and account, written for these tests.
 */
final class TicketSet {

  private TicketSet() {}

  static List<LabeledText> load() {
    try (InputStream in =
        TicketSet.class.getClassLoader().getResourceAsStream("classify/support-tickets.tsv")) {
      if (in == null) {
        throw new IllegalStateException("classify/support-tickets.tsv is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(
              l -> {
                int tab = l.indexOf('\t');
                return new LabeledText(l.substring(tab + 1), l.substring(0, tab));
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
