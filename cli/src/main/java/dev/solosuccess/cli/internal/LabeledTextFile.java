package dev.solosuccess.cli.internal;

import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.LabeledText;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Labelled examples from a file, for {@code solo classify train}: CSV with the columns {@code
 * text,label}, or JSON lines of {@code {"text": ..., "label": ...}}. The format is chosen by the
 * extension ({@code .csv}; {@code .jsonl}, {@code .ndjson}, {@code .json}), else by the first
 * character ({@code {} for JSON lines). Errors name the file and the line.
 *
 * <p>CSV as RFC 4180 writes it: fields separated by commas, quoted with {@code "} when they hold a
 * comma, a quote (doubled) or a line break. A first row {@code text,label} (or {@code label,text},
 * any case) is a header and sets the column order; without one, text comes first.
 */
final class LabeledTextFile {

  private LabeledTextFile() {}

  /**
   * Reads the examples of {@code file}, UTF-8.
   *
   * @throws InvalidInputException if the file cannot be read, is malformed, or holds no example
   */
  static List<LabeledText> read(Path file) {
    String content;
    try {
      byte[] bytes = Files.readAllBytes(file);
      content =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("no such file: " + file);
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(file + " is not UTF-8 text", file.toString(), e);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + file + ": " + e, file.toString(), e);
    }
    if (content.startsWith("\uFEFF")) {
      content = content.substring(1);
    }
    List<LabeledText> examples =
        jsonLines(file, content) ? readJsonLines(file, content) : readCsv(file, content);
    if (examples.isEmpty()) {
      throw new InvalidInputException("no examples in " + file, file.toString(), null);
    }
    return examples;
  }

  private static boolean jsonLines(Path file, String content) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return false;
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return true;
    }
    return content.stripLeading().startsWith("{");
  }

  private static List<LabeledText> readJsonLines(Path file, String content) {
    List<LabeledText> out = new ArrayList<>();
    int lineNumber = 0;
    for (String line : content.split("\r?\n", -1)) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = Json.MAPPER.readTree(line);
      } catch (JacksonException e) {
        throw error(file, lineNumber, "not valid JSON: " + e.getOriginalMessage());
      }
      if (!node.isObject()) {
        throw error(file, lineNumber, "expected an object {\"text\": ..., \"label\": ...}");
      }
      out.add(example(file, lineNumber, string(file, lineNumber, node, "text"),
          string(file, lineNumber, node, "label")));
    }
    return out;
  }

  private static String string(Path file, int line, JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw error(file, line, "\"" + field + "\" is missing");
    }
    if (!v.isString()) {
      throw error(file, line, "\"" + field + "\" must be a string, got " + v);
    }
    return v.asString();
  }

  private static List<LabeledText> readCsv(Path file, String content) {
    List<Row> rows = CsvReader.rows(file, content);
    int textColumn = 0;
    int first = 0;
    if (!rows.isEmpty() && rows.get(0).fields().size() == 2) {
      List<String> header =
          rows.get(0).fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
      if (header.equals(List.of("text", "label"))) {
        first = 1;
      } else if (header.equals(List.of("label", "text"))) {
        first = 1;
        textColumn = 1;
      }
    }
    List<LabeledText> out = new ArrayList<>();
    for (Row row : rows.subList(first, rows.size())) {
      if (row.fields().size() == 1 && row.fields().get(0).isBlank()) {
        continue; // an empty line
      }
      if (row.fields().size() != 2) {
        throw error(file, row.line(), "expected 2 fields (text,label), got " + row.fields().size()
            + (row.fields().size() > 2 ? "; quote a text that holds commas" : ""));
      }
      out.add(example(file, row.line(), row.fields().get(textColumn),
          row.fields().get(1 - textColumn)));
    }
    return out;
  }

  private static LabeledText example(Path file, int line, String text, String label) {
    if (text.isBlank()) {
      throw error(file, line, "the text is empty");
    }
    if (label.isBlank()) {
      throw error(file, line, "the label is empty");
    }
    return new LabeledText(text.strip(), label.strip());
  }

  static InvalidInputException error(Path file, int line, String message) {
    return new InvalidInputException(file + " line " + line + ": " + message, file.toString(), null);
  }

  /** One CSV record and the line it starts on. */
  record Row(int line, List<String> fields) {}

  /** RFC 4180 records, quoted fields spanning lines included. */
  private static final class CsvReader {

    static List<Row> rows(Path file, String s) {
      List<Row> rows = new ArrayList<>();
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      int line = 1;
      int rowLine = 1;
      int quoteLine = 0; // line of the open quote; 0 outside quotes
      boolean quotedField = false; // the current field was quoted and its quote closed
      int i = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (quoteLine > 0) {
          if (c == '"') {
            if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            quoteLine = 0;
            quotedField = true;
          } else {
            if (c == '\n') {
              line++;
            }
            field.append(c);
          }
          i++;
          continue;
        }
        switch (c) {
          case '"' -> {
            if (!field.toString().isBlank() || quotedField) {
              throw error(file, line, "a quote inside an unquoted field; quote the whole field"
                  + " and double the quotes in it");
            }
            field.setLength(0);
            quoteLine = line;
          }
          case ',' -> {
            fields.add(field.toString());
            field.setLength(0);
            quotedField = false;
          }
          case '\r' -> {
            // part of \r\n
          }
          case '\n' -> {
            fields.add(field.toString());
            rows.add(new Row(rowLine, List.copyOf(fields)));
            fields.clear();
            field.setLength(0);
            quotedField = false;
            line++;
            rowLine = line;
          }
          default -> {
            if (quotedField && !Character.isWhitespace(c)) {
              throw error(file, line, "text after a closing quote; double a quote inside a"
                  + " quoted field");
            }
            if (!quotedField) {
              field.append(c);
            }
          }
        }
        i++;
      }
      if (quoteLine > 0) {
        throw error(file, quoteLine, "a quoted field is never closed");
      }
      if (!field.isEmpty() || !fields.isEmpty() || quotedField) {
        fields.add(field.toString());
        rows.add(new Row(rowLine, List.copyOf(fields)));
      }
      return rows;
    }
  }
}
