package dev.solosuccess.engine.internal.parse;

import java.time.Instant;

/**
 * What a parser learned about a document besides its text. Every component may be {@code null}.
 *
 * @param title the document's own title (from its properties, HTML title or first heading)
 * @param author the author or sender
 * @param created when the document was created or sent
 * @param language the declared language, such as {@code en} or {@code de-CH}
 */
public record DocInfo(String title, String author, Instant created, String language) {

  public static final DocInfo NONE = new DocInfo(null, null, null, null);

  /** Dates outside years 1..9999 are parser noise (and cannot be stored as metadata). */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  public DocInfo {
    if (created != null && (created.isBefore(EARLIEST) || created.isAfter(LATEST))) {
      created = null;
    }
    title = blankToNull(title);
    author = blankToNull(author);
    language = blankToNull(language);
  }

  /** This with each missing component taken from {@code other}. */
  public DocInfo orElse(DocInfo other) {
    return new DocInfo(
        title != null ? title : other.title,
        author != null ? author : other.author,
        created != null ? created : other.created,
        language != null ? language : other.language);
  }

  public DocInfo withTitle(String newTitle) {
    return new DocInfo(newTitle, author, created, language);
  }

  private static String blankToNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    if (t.length() > 1000) {
      t = t.substring(0, 1000);
    }
    return t.isEmpty() ? null : t;
  }
}
