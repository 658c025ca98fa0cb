package dev.solosuccess.engine.internal.phi;

import dev.solosuccess.sdk.PhiType;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses, web addresses (with a scheme, with {@code www.}, or a bare domain under a
 * common top-level domain) and IP addresses (IPv4 by octet ranges, IPv6 by group rules, with
 * {@code ::} compression and an IPv4 tail).
 */
final class NetworkRecognizer implements Recognizer {

  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![\\w.+%-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,24}"
              + "(?![\\w@-])");

  private static final Pattern URL =
      Pattern.compile("(?i)\\b(?:https?://|ftps?://|sftp://|www\\.)[^\\s<>\"'`]+");

  /** Common top-level domains: a bare domain under one of these is a web address. */
  private static final Set<String> TLDS =
      Set.of(
          "com", "org", "net", "edu", "gov", "mil", "int", "io", "us", "info", "biz", "health",
          "care", "clinic", "hospital", "med", "co", "uk", "ca", "de", "fr", "au", "me", "app",
          "dev", "online", "site", "xyz", "ly", "tv", "ai", "eu", "nl", "in");

  private static final Pattern BARE_DOMAIN =
      Pattern.compile(
          "(?<![\\w@./-])(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+([a-zA-Z]{2,10})"
              + "(?::\\d{2,5})?(?:/[^\\s<>\"'`]*)?(?![\\w@-])");

  private static final Pattern IPV4 =
      Pattern.compile(
          "(?<![\\w.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
              + "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:/\\d{1,2})?(?![\\w]|\\.\\d)");

  private static final Pattern IPV6_CANDIDATE =
      Pattern.compile("(?<![\\w:.])[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(?:%\\w+)?(?![\\w:])");

  @Override
  public void find(String text, List<Finding> out) {
    boolean[] taken = new boolean[text.length()];
    Matcher m = EMAIL.matcher(text);
    while (m.find()) {
      add(out, taken, PhiType.EMAIL, m.start(), m.end(), 0.95);
    }
    m = URL.matcher(text);
    while (m.find()) {
      add(out, taken, PhiType.URL, m.start(), trimTrailing(text, m.start(), m.end()), 0.95);
    }
    m = BARE_DOMAIN.matcher(text);
    while (m.find()) {
      String tld = m.group(1).toLowerCase(Locale.ROOT);
      // written-out domains are lower case; "Doxy.me" or "St.Louis" in prose are names
      if (!TLDS.contains(tld) || !Character.isLowerCase(m.group().charAt(0))) {
        continue;
      }
      add(out, taken, PhiType.URL, m.start(), trimTrailing(text, m.start(), m.end()), 0.75);
    }
    m = IPV4.matcher(text);
    while (m.find()) {
      String before = Context.before(text, m.start(), 30);
      double c = before.matches("(?s).*\\b(ip|ipv4|address|host|server|from|device|login)\\b.*")
          ? 0.95 : 0.8;
      add(out, taken, PhiType.IP_ADDRESS, m.start(), m.end(), c);
    }
    m = IPV6_CANDIDATE.matcher(text);
    while (m.find()) {
      String s = m.group();
      int end = m.end();
      while (s.endsWith(".") || (s.endsWith(":") && !s.endsWith("::"))) {
        s = s.substring(0, s.length() - 1);
        end--;
      }
      if (isIpv6(s)) {
        add(out, taken, PhiType.IP_ADDRESS, m.start(), end, 0.9);
      }
    }
  }

  private static void add(
      List<Finding> out, boolean[] taken, PhiType type, int start, int end, double confidence) {
    if (end <= start) {
      return;
    }
    for (int i = start; i < end; i++) {
      if (taken[i]) {
        return;
      }
    }
    for (int i = start; i < end; i++) {
      taken[i] = true;
    }
    out.add(new Finding(type, start, end, confidence));
  }

  /** Drops sentence punctuation after an address, and a closing bracket that opened before it. */
  private static int trimTrailing(String text, int start, int end) {
    while (end > start) {
      char c = text.charAt(end - 1);
      if (".,;:!?".indexOf(c) >= 0) {
        end--;
      } else if ((c == ')' || c == ']') && !text.substring(start, end).contains(c == ')' ? "(" : "[")) {
        end--;
      } else {
        break;
      }
    }
    return end;
  }

  /** RFC 4291 text forms: eight groups of 1-4 hex digits, one {@code ::}, an IPv4 tail. */
  static boolean isIpv6(String s) {
    int zone = s.indexOf('%');
    if (zone >= 0) {
      s = s.substring(0, zone);
    }
    if (s.length() < 2 || s.indexOf(":::") >= 0) {
      return false;
    }
    int compressed = s.indexOf("::");
    if (compressed >= 0 && s.indexOf("::", compressed + 1) >= 0) {
      return false;
    }
    String[] parts = s.split(":", -1);
    int groups = 0;
    boolean letter = false;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.isEmpty()) {
        continue; // around "::", or a leading/trailing one of it
      }
      if (i == parts.length - 1 && p.indexOf('.') >= 0) {
        if (!IPV4.matcher(p).matches()) {
          return false;
        }
        groups += 2;
        continue;
      }
      if (p.length() > 4 || !p.matches("[0-9A-Fa-f]+")) {
        return false;
      }
      letter |= p.matches(".*[A-Fa-f].*");
      groups++;
    }
    if (s.startsWith(":") && !s.startsWith("::") || s.endsWith(":") && !s.endsWith("::")) {
      return false;
    }
    if (compressed >= 0) {
      // "10::30" or "::" alone say little: ask for a hex letter or three groups
      return groups <= 7 && (letter || groups >= 3);
    }
    return groups == 8;
  }
}
