package dev.solosuccess.cli.internal;

import dev.solosuccess.engine.PhiRedactor;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.PhiSpan;
import dev.solosuccess.sdk.PhiType;
import dev.solosuccess.sdk.Redaction;
import dev.solosuccess.sdk.RedactionMode;
import dev.solosuccess.sdk.RedactionOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code solo redact}: the text with its protected health information replaced. Needs no data
 * folder and loads no model.
 */
@Command(
    name = "redact",
    mixinStandardHelpOptions = true,
    description = {
      "Replace the HIPAA Safe Harbor identifiers in a text (names, addresses, dates, phone and fax"
          + " numbers, e-mail, SSN, MRN and other numbers, URLs, IP addresses, ...) and print it.",
      "Modes: mask ([NAME]), pseudonym ([NAME-1], the same for the same value in the text), hash"
          + " ([NAME:3f9a1c], HMAC-SHA256 under a key from --key-file or SOLO_REDACTION_KEY).",
      "Detection is by rules and name lists: review what must be certain. Needs no data folder."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE})
public final class RedactCommand implements Callable<Integer> {

  /** Environment variable holding a base64 hash key, when no --key-file is given. */
  static final String KEY_VARIABLE = "SOLO_REDACTION_KEY";

  @Spec private CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  private Input input;

  static final class Input {
    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "The text to redact.")
    List<String> text;

    @Option(
        names = "--input",
        paramLabel = "FILE",
        description = "Redact the whole of FILE, read as UTF-8 ('-' for standard input).")
    Path file;
  }

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description = "mask (default), pseudonym or hash.")
  private String mode = "mask";

  @Option(
      names = "--types",
      paramLabel = "TYPE[,TYPE...]",
      split = ",",
      description = "Only these types (NAME, STREET_ADDRESS, CITY, ZIP, DATE, AGE, PHONE, FAX,"
          + " EMAIL, SSN, MRN, HEALTH_PLAN, ACCOUNT, LICENSE, VEHICLE, DEVICE, URL, IP_ADDRESS,"
          + " BIOMETRIC, OTHER_ID). Default: all.")
  private List<String> types;

  @Option(
      names = "--key-file",
      paramLabel = "FILE",
      description = "The key of --mode hash: a file of at least 16 random bytes, or their base64."
          + " Default: the base64 key in $" + KEY_VARIABLE + ".")
  private Path keyFile;

  @Option(
      names = "--generalize",
      description = "Keep what Safe Harbor allows: a date's year, a ZIP code's first three digits"
          + " (000 for sparsely populated areas), 90+ for ages over 89.")
  private boolean generalize;

  @Option(names = "--json", description = "Print {\"text\", \"mode\", \"spans\": [{\"type\","
      + " \"start\", \"end\", \"length\", \"redactedStart\", \"redactedEnd\", \"confidence\"}]}.")
  private boolean json;

  @Override
  public Integer call() throws IOException {
    RedactionOptions options = options();
    String text = input.file != null ? read(input.file) : String.join(" ", input.text);
    Redaction r = PhiRedactor.create().redact(text, options);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode n = Json.object();
      n.put("text", r.text());
      n.put("mode", options.mode().name().toLowerCase(Locale.ROOT));
      ArrayNode spans = n.putArray("spans");
      for (PhiSpan s : r.spans()) {
        ObjectNode o = spans.addObject();
        o.put("type", s.type().label());
        o.put("start", s.start());
        o.put("end", s.end());
        o.put("length", s.length());
        o.put("redactedStart", s.redactedStart());
        o.put("redactedEnd", s.redactedEnd());
        o.put("confidence", Math.round(s.confidence() * 100) / 100.0);
      }
      out.println(Json.write(n));
    } else {
      out.print(r.text());
      if (!r.text().endsWith("\n")) {
        out.println();
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private RedactionOptions options() throws IOException {
    RedactionOptions.Builder b = RedactionOptions.builder().generalize(generalize);
    RedactionMode m = switch (mode.strip().toLowerCase(Locale.ROOT)) {
      case "mask" -> RedactionMode.MASK;
      case "pseudonym" -> RedactionMode.PSEUDONYM;
      case "hash" -> RedactionMode.HASH;
      default -> throw usage("--mode must be mask, pseudonym or hash, got '" + mode + "'");
    };
    b.mode(m);
    if (types != null) {
      EnumSet<PhiType> set = EnumSet.noneOf(PhiType.class);
      for (String t : types) {
        try {
          set.add(PhiType.parse(t));
        } catch (InvalidInputException e) {
          throw usage("--types: " + e.getMessage());
        }
      }
      b.types(set);
    }
    if (m == RedactionMode.HASH) {
      b.hashKey(key());
    }
    try {
      return b.build();
    } catch (InvalidInputException e) {
      throw usage(e.getMessage());
    }
  }

  /** The hash key: never from the command line itself, where other users could see it. */
  private byte[] key() throws IOException {
    byte[] raw;
    if (keyFile != null) {
      try {
        raw = Files.readAllBytes(keyFile);
      } catch (NoSuchFileException e) {
        throw new InvalidInputException("no such key file: " + keyFile);
      }
    } else {
      String env = System.getenv(KEY_VARIABLE);
      if (env == null || env.isBlank()) {
        throw usage("--mode hash needs a key: --key-file FILE or $" + KEY_VARIABLE + " (base64 of"
            + " at least 16 random bytes)");
      }
      raw = env.strip().getBytes(StandardCharsets.US_ASCII);
    }
    String asText = new String(raw, StandardCharsets.US_ASCII).strip();
    if (asText.matches("[A-Za-z0-9+/=\\s]{22,}")) {
      try {
        return Base64.getMimeDecoder().decode(asText);
      } catch (IllegalArgumentException e) {
        // not base64 after all: the bytes are the key
      }
    }
    return raw;
  }

  private String read(Path file) throws IOException {
    try {
      byte[] bytes = "-".equals(file.toString()) ? System.in.readAllBytes() : Files.readAllBytes(file);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("no such file: " + file);
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
