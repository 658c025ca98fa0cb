package dev.solosuccess.benchmarks.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutations of a valid input: bit flips, interesting bytes, truncation, deletion, duplication,
 * splicing with another seed, and hostile tokens inserted (once or repeated thousands of times:
 * deep nesting, long runs). Each mutation is named in the case's description. Stateless.
 */
final class Mutator {

  /** Byte sequences that break parsers: bad UTF-8, control and invisible characters, syntax. */
  static final List<byte[]> HOSTILE_BYTES = List.of(
      new byte[] {0}, new byte[] {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
      new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, // overlong, three bytes
      new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a lone surrogate, CESU-8
      new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
      new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
      new byte[] {(byte) 0x80}, new byte[] {(byte) 0xFE}, utf8("\u200B\u200C\u200D\u2060\uFEFF"),
      utf8("\u202E"), utf8("\r\n\r\n"), utf8("\u0085\u2028\u2029"), utf8("../../../../etc/passwd"),
      utf8("/etc/passwd"), utf8("C:\\Windows\\win.ini"), utf8("%PDF-1.7\n"), utf8(" 0 obj"),
      utf8("endobj"), utf8("stream\n"), utf8("endstream"), utf8("trailer"), utf8("xref"),
      utf8("%%EOF"), utf8(" R "), utf8("<<"), utf8(">>"), utf8("[["),
      utf8("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;"), utf8("&e;"),
      utf8("<![CDATA["), utf8("]]>"), utf8("<div>"), utf8("</"), utf8("{\"a\":"), utf8("["),
      utf8("}"), utf8("\""), utf8("\\u0000"), utf8("\\uD800"), utf8("1e999999"),
      utf8("-9223372036854775809"), utf8("NaN"), utf8("Infinity"), utf8("*a*"), utf8("a~2"),
      utf8("# "), utf8("| a | b |\n|---|---|\n"), utf8("PK\u0003\u0004"), utf8("{\\rtf1 "));

  /** Characters for string inputs: lone surrogates and the same hostile set as text. */
  static final List<String> HOSTILE_TEXT = List.of(
      "\0", "\uD800", "\uDFFF", "\uDBFF\uDFFF", "\u200B", "\uFEFF", "\u202E", "\uFFFD", "\uFFFF",
      "\r\n", "\u0085", "\u2028", "\t", " ", "", "../../etc/passwd", "/etc/passwd", "C:\\x",
      "*a*", "?", "a~2", "\"", "\\", "(", ")", "[", "{", "AND", "OR", "NOT", ":", "=", "..", "|",
      ">=", "<=", "<", ">", "-", "+", "1e999", "-0", "NaN", "Infinity", "9223372036854775808",
      "-9223372036854775809", "0x10", "2024-02-30", "9999-12-31T23:59:59Z", "%s", "%n", "${x}",
      "--", "-", "--help", "\u0130", "\u00DF", "\uD83D\uDE00");

  private Mutator() {}

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** One to four stacked mutations of {@code seed}; {@code others} are splice partners. */
  static byte[] mutate(byte[] seed, List<byte[]> others, FuzzCase c) {
    SplittableRandom r = c.random;
    byte[] b = seed;
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      b = once(b, others, r, c);
    }
    return b;
  }

  private static byte[] once(byte[] b, List<byte[]> others, SplittableRandom r, FuzzCase c) {
    int len = b.length;
    switch (r.nextInt(10)) {
      case 0 -> {
        if (len == 0) {
          return b;
        }
        byte[] out = b.clone();
        int flips = 1 + r.nextInt(8);
        for (int i = 0; i < flips; i++) {
          out[r.nextInt(len)] ^= (byte) (1 << r.nextInt(8));
        }
        c.describe("flip " + flips + " bits");
        return out;
      }
      case 1 -> {
        if (len == 0) {
          return b;
        }
        byte[] out = b.clone();
        int at = r.nextInt(len);
        byte[] interesting = {0, (byte) 0xFF, 0x7F, (byte) 0x80, (byte) 0xC0, '<', '>', '"', '/'};
        out[at] = interesting[r.nextInt(interesting.length)];
        c.describe("set byte " + at);
        return out;
      }
      case 2 -> {
        int at = len == 0 ? 0 : r.nextInt(len);
        c.describe("truncate at " + at);
        return Arrays.copyOf(b, at);
      }
      case 3 -> {
        if (len < 2) {
          return b;
        }
        int from = r.nextInt(len);
        int to = Math.min(len, from + 1 + r.nextInt(Math.max(1, len / 4)));
        c.describe("delete " + from + ".." + to);
        return concat(Arrays.copyOfRange(b, 0, from), Arrays.copyOfRange(b, to, len));
      }
      case 4 -> {
        if (len == 0) {
          return b;
        }
        int from = r.nextInt(len);
        int to = Math.min(len, from + 1 + r.nextInt(Math.min(len, 4096)));
        int times = 1 + r.nextInt(r.nextInt(8) == 0 ? 2000 : 4);
        c.describe("duplicate " + from + ".." + to + " x" + times);
        return insert(b, from, repeat(Arrays.copyOfRange(b, from, to), times, 1 << 20));
      }
      case 5 -> {
        byte[] other = others.get(r.nextInt(others.size()));
        int cutA = len == 0 ? 0 : r.nextInt(len);
        int cutB = other.length == 0 ? 0 : r.nextInt(other.length);
        c.describe("splice at " + cutA + "/" + cutB);
        return concat(Arrays.copyOf(b, cutA), Arrays.copyOfRange(other, cutB, other.length));
      }
      case 6, 7 -> {
        byte[] token = HOSTILE_BYTES.get(r.nextInt(HOSTILE_BYTES.size()));
        int at = len == 0 ? 0 : r.nextInt(len + 1);
        c.describe("insert hostile token " + HOSTILE_BYTES.indexOf(token) + " at " + at);
        return insert(b, at, token);
      }
      case 8 -> {
        byte[] token = HOSTILE_BYTES.get(r.nextInt(HOSTILE_BYTES.size()));
        int times = 100 + r.nextInt(20_000);
        int at = len == 0 ? 0 : r.nextInt(len + 1);
        c.describe("insert hostile token " + HOSTILE_BYTES.indexOf(token) + " x" + times);
        return insert(b, at, repeat(token, times, 256 << 10));
      }
      default -> {
        if (len == 0) {
          return b;
        }
        byte[] out = b.clone();
        int at = r.nextInt(len);
        int run = Math.min(len - at, 1 + r.nextInt(64));
        for (int i = 0; i < run; i++) {
          out[at + i] = (byte) r.nextInt(256);
        }
        c.describe("randomize " + run + " bytes at " + at);
        return out;
      }
    }
  }

  /** One to three stacked mutations of a string, at the character level (surrogates included). */
  static String mutate(String seed, List<String> others, FuzzCase c) {
    SplittableRandom r = c.random;
    String s = seed;
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      int len = s.length();
      int at = len == 0 ? 0 : r.nextInt(len + 1);
      switch (r.nextInt(7)) {
        case 0 -> {
          String t = HOSTILE_TEXT.get(r.nextInt(HOSTILE_TEXT.size()));
          c.describe("insert " + escape(t) + " at " + at);
          s = s.substring(0, at) + t + s.substring(at);
        }
        case 1 -> {
          String t = HOSTILE_TEXT.get(r.nextInt(HOSTILE_TEXT.size()));
          int times = 1 + r.nextInt(r.nextInt(4) == 0 ? 50_000 : 20);
          c.describe("insert " + escape(t) + " x" + times);
          s = s.substring(0, at) + t.repeat(times) + s.substring(at);
        }
        case 2 -> {
          c.describe("truncate at " + at);
          s = s.substring(0, at);
        }
        case 3 -> {
          if (len == 0) {
            break;
          }
          int to = Math.min(len, at + 1 + r.nextInt(Math.max(1, len)));
          int from = Math.min(at, len - 1);
          c.describe("duplicate " + from + ".." + to);
          s = s.substring(0, to) + s.substring(from, to) + s.substring(to);
        }
        case 4 -> {
          String o = others.get(r.nextInt(others.size()));
          int cut = o.isEmpty() ? 0 : r.nextInt(o.length());
          c.describe("splice at " + at + "/" + cut);
          s = s.substring(0, at) + o.substring(cut);
        }
        case 5 -> {
          if (len == 0) {
            break;
          }
          int i2 = r.nextInt(len);
          char ch = (char) r.nextInt(0x10000);
          c.describe("replace char " + i2 + " with U+" + Integer.toHexString(ch));
          s = s.substring(0, i2) + ch + s.substring(i2 + 1);
        }
        default -> {
          String big = "a".repeat(1 + r.nextInt(r.nextInt(3) == 0 ? 70_000 : 300));
          c.describe("insert a run of " + big.length() + " letters");
          s = s.substring(0, at) + big + s.substring(at);
        }
      }
    }
    return s;
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder("'");
    for (char ch : s.toCharArray()) {
      b.append(ch >= 0x20 && ch < 0x7F ? String.valueOf(ch) : String.format("\\u%04x", (int) ch));
    }
    return b.append('\'').toString();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static byte[] insert(byte[] b, int at, byte[] what) {
    return concat(concat(Arrays.copyOf(b, at), what), Arrays.copyOfRange(b, at, b.length));
  }

  static byte[] repeat(byte[] unit, int times, int maxBytes) {
    int n = Math.max(1, Math.min(times, maxBytes / Math.max(1, unit.length)));
    byte[] out = new byte[unit.length * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(unit, 0, out, i * unit.length, unit.length);
    }
    return out;
  }
}
