package dev.solosuccess.engine.internal.phi;

import dev.solosuccess.engine.PhiPolicy;
import dev.solosuccess.engine.internal.parse.DocInfo;
import dev.solosuccess.engine.internal.parse.ExtractedText;
import dev.solosuccess.sdk.Redaction;
import dev.solosuccess.sdk.RedactionOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Ingestion's PHI policy: which text is chunked (and so embedded and indexed) and which is stored
 * as the document's text. Immutable and thread-safe.
 */
public final class PhiIngest {

  /** Text goes through untouched. */
  public static final PhiIngest NONE = new PhiIngest(PhiPolicy.NONE, null, null);

  private final PhiPolicy policy;
  private final Deidentifier deidentifier;
  private final RedactionOptions options;

  private PhiIngest(PhiPolicy policy, Deidentifier deidentifier, RedactionOptions options) {
    this.policy = policy;
    this.deidentifier = deidentifier;
    this.options = options;
  }

  public static PhiIngest of(PhiPolicy policy, Deidentifier deidentifier, RedactionOptions options) {
    Objects.requireNonNull(policy, "policy");
    return policy == PhiPolicy.NONE
        ? NONE
        : new PhiIngest(policy, Objects.requireNonNull(deidentifier), Objects.requireNonNull(options));
  }

  public PhiPolicy policy() {
    return policy;
  }

  /**
   * A document's two texts under the policy.
   *
   * @param chunked the text to chunk, embed and index
   * @param stored the text to store as the document's text (and whose title and author become
   *     metadata)
   * @param toStored converts offsets of {@code chunked} into offsets of {@code stored}; null when
   *     they are the same text
   */
  public record Texts(ExtractedText chunked, ExtractedText stored, OffsetMap toStored) {

    /** An offset of the chunked text in the stored text. */
    public int stored(int offset, boolean isEnd) {
      return toStored == null ? offset : toStored.toOriginal(offset, isEnd);
    }
  }

  /** The texts of an extracted document under this policy. */
  public Texts apply(ExtractedText text) {
    return switch (policy) {
      case NONE -> new Texts(text, text, null);
      case REDACT_BEFORE_STORE -> {
        ExtractedText redacted = redact(text).text();
        yield new Texts(redacted, redacted, null);
      }
      case INDEX_REDACTED -> {
        Redacted r = redact(text);
        yield new Texts(r.text(), withInfo(text, r.text().info()), r.map());
      }
    };
  }

  private record Redacted(ExtractedText text, OffsetMap map) {}

  /** The text redacted, with its pages and sections moved to the new offsets. */
  private Redacted redact(ExtractedText text) {
    Redaction r = deidentifier.redact(text.text(), options);
    OffsetMap map = new OffsetMap(r.spans());
    List<ExtractedText.Span> pages = new ArrayList<>(text.pages().size());
    for (ExtractedText.Span p : text.pages()) {
      pages.add(new ExtractedText.Span(p.page(), map.toRedacted(p.start(), false),
          map.toRedacted(p.end(), true)));
    }
    List<ExtractedText.Section> sections = new ArrayList<>(text.sections().size());
    for (ExtractedText.Section s : text.sections()) {
      List<String> path = new ArrayList<>(s.path().size());
      for (String heading : s.path()) {
        path.add(redactLine(heading));
      }
      sections.add(new ExtractedText.Section(path, map.toRedacted(s.start(), false),
          map.toRedacted(s.end(), true)));
    }
    DocInfo info = text.info();
    DocInfo safe = new DocInfo(redactLine(info.title()), redactAuthor(info.author()), null,
        info.language());
    return new Redacted(
        new ExtractedText(r.text(), pages, text.pageCount(), sections, safe), map);
  }

  private static ExtractedText withInfo(ExtractedText text, DocInfo info) {
    return new ExtractedText(text.text(), text.pages(), text.pageCount(), text.sections(), info);
  }

  /** An author field holds a name: read as one, after a label that says so. */
  private String redactAuthor(String author) {
    if (author == null || author.isBlank()) {
      return author;
    }
    String label = "Author: ";
    String r = deidentifier.redact(label + author, options).text();
    return r.startsWith(label) ? r.substring(label.length()) : r;
  }

  private String redactLine(String s) {
    return s == null || s.isBlank() ? s : deidentifier.redact(s, options).text();
  }
}
