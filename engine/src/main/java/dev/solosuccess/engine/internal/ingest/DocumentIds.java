package dev.solosuccess.engine.internal.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Document ids derived from sources: readable and stable, {@code <file-name-slug>-<12 hex digits of
 * SHA-256(source)>}, e.g. {@code refund-policy-3f9a1c2b7e4d}. Re-ingesting a source yields its id
 * again, so the new version replaces the old one.
 */
public final class DocumentIds {

  private static final int SLUG_MAX = 48;

  private DocumentIds() {}

  public static String fromSource(String source) {
    String name = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      name = name.substring(0, dot);
    }
    StringBuilder slug = new StringBuilder();
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        slug.append(c);
      } else if (!slug.isEmpty() && slug.charAt(slug.length() - 1) != '-') {
        slug.append('-');
      }
      if (slug.length() >= SLUG_MAX) {
        break;
      }
    }
    while (!slug.isEmpty() && slug.charAt(slug.length() - 1) == '-') {
      slug.setLength(slug.length() - 1);
    }
    String hash = sha256(source.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    return slug.isEmpty() ? "doc-" + hash : slug + "-" + hash;
  }

  /** Lower-case hex SHA-256. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
