package dev.solosuccess.engine.internal.model;

import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.StorageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The descriptor of a user model folder, {@code solo-model.json}: what the model is and the SHA-256
 * of its files, so that a changed file is refused instead of silently giving other vectors.
 *
 * <pre>{@code
 * {
 *   "id": "my-minilm",
 *   "format": "onnx",
 *   "dimension": 384,
 *   "maxTokens": 256,
 *   "pooling": "mean",
 *   "normalize": true,
 *   "queryPrefix": "",
 *   "passagePrefix": "",
 *   "sha256": {
 *     "model.onnx": "759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e",
 *     "tokenizer.json": "da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0"
 *   }
 * }
 * }</pre>
 *
 * <p>{@code id}, {@code dimension}, {@code maxTokens} and {@code pooling} are required; {@code
 * format} defaults to {@code onnx}, {@code normalize} to true, the prefixes to none, {@code
 * modelFile} to {@code model.onnx} ({@code model.pt} for TorchScript) and {@code tokenizerFile} to
 * {@code tokenizer.json}. {@link #pin(Path)} writes {@code sha256}. Unknown fields are refused, so a
 * misspelt one is not silently ignored. Stateless.
 */
public final class ModelDescriptor {

  /** The descriptor's file name in a model folder. */
  public static final String FILE_NAME = "solo-model.json";

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final Set<String> FIELDS =
      Set.of(
          "id", "format", "dimension", "maxTokens", "pooling", "normalize", "queryPrefix",
          "passagePrefix", "modelFile", "tokenizerFile", "description", "sha256");
  /** The engine's index accepts at most this many dimensions. */
  static final int MAX_DIMENSION = 4096;
  /** Input limits of real encoders are 128 to 8,192 word pieces. */
  static final int MAX_TOKENS_LIMIT = 32_768;

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private ModelDescriptor() {}

  /**
   * Reads and validates the descriptor of a model folder. The files are not read: their hashes are
   * checked when the model loads.
   *
   * @throws InvalidInputException naming the problem: no descriptor, bad JSON, a missing or invalid
   *     field, an unpinned model or tokenizer file
   */
  public static ModelSpec read(Path folder) {
    Path dir = folder.toAbsolutePath().normalize();
    return toSpec(dir, parse(dir), true);
  }

  /** Whether {@code folder} holds a descriptor: it is meant as a model folder. */
  public static boolean isModelFolder(Path folder) {
    return Files.isRegularFile(folder.resolve(FILE_NAME));
  }

  /**
   * Computes the SHA-256 of the model and tokenizer files (and of any other file the descriptor
   * already pins) and writes them into the descriptor, keeping its other fields. The descriptor is
   * replaced atomically.
   *
   * @return the model as now pinned
   * @throws InvalidInputException if the descriptor is invalid or a file is missing
   */
  public static ModelSpec pin(Path folder) {
    Path dir = folder.toAbsolutePath().normalize();
    ObjectNode root = parse(dir);
    ModelSpec unpinned = toSpec(dir, root, false);
    ModelSource.Folder source = unpinned.folder().orElseThrow();
    Map<String, String> hashes = new TreeMap<>();
    List<String> files = new java.util.ArrayList<>(List.of(source.modelFile(), source.tokenizerFile()));
    source.sha256().keySet().stream().filter(f -> !files.contains(f)).forEach(files::add);
    for (String file : files) {
      try {
        hashes.put(file, Sha256.hexOfFile(dir.resolve(file)));
      } catch (NoSuchFileException e) {
        throw new InvalidInputException(
            "cannot pin " + dir + ": " + file + " is missing from it", dir.toString(), e);
      } catch (IOException e) {
        throw new InvalidInputException(
            "cannot pin " + dir + ": cannot read " + file + ": " + e, dir.toString(), e);
      }
    }
    ObjectNode sha = root.putObject("sha256");
    hashes.forEach(sha::put);
    writeAtomically(dir.resolve(FILE_NAME), MAPPER.writeValueAsBytes(root));
    return toSpec(dir, root, true);
  }

  private static ObjectNode parse(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException(
          "the model folder " + dir + " does not exist (or is not a folder)", dir.toString(), null);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(
          dir + " is not a model folder: it has no " + FILE_NAME
              + " (a descriptor with id, dimension, maxTokens and pooling; see the README)",
          dir.toString(),
          e);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + file + ": " + e, dir.toString(), e);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      throw new InvalidInputException(
          file + " is not valid JSON: " + e.getOriginalMessage(), dir.toString(), e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidInputException(file + " must hold one JSON object", dir.toString(), null);
    }
    return (ObjectNode) root;
  }

  private static ModelSpec toSpec(Path dir, ObjectNode root, boolean requirePins) {
    Errors errors = new Errors(dir.resolve(FILE_NAME));
    for (String name : root.propertyNames()) {
      if (!FIELDS.contains(name)) {
        errors.fail("unknown field '" + name + "'; the fields are " + new java.util.TreeSet<>(FIELDS));
      }
    }
    String id = requiredString(root, "id", errors);
    if (!id.isEmpty() && !ID.matcher(id).matches()) {
      errors.fail(
          "id must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit,"
              + " got '" + id + "'");
    }
    if (ModelSpec.builtIn(id).isPresent()) {
      errors.fail("id '" + id + "' is the name of a built-in model; choose another");
    }
    String formatName = optionalString(root, "format", errors).orElse(ModelFormat.ONNX.label());
    ModelFormat format =
        ModelFormat.of(formatName)
            .orElseThrow(
                () ->
                    errors.error(
                        "format must be one of "
                            + java.util.Arrays.stream(ModelFormat.values())
                                .map(ModelFormat::label)
                                .toList()
                            + ", got '" + formatName + "'"));
    int dimension = requiredInt(root, "dimension", 1, MAX_DIMENSION, errors);
    int maxTokens = requiredInt(root, "maxTokens", 8, MAX_TOKENS_LIMIT, errors);
    String poolingName = requiredString(root, "pooling", errors);
    ModelSpec.Pooling pooling =
        switch (poolingName.toLowerCase(Locale.ROOT)) {
          case "mean" -> ModelSpec.Pooling.MEAN;
          case "cls" -> ModelSpec.Pooling.CLS;
          default -> throw errors.error("pooling must be 'mean' or 'cls', got '" + poolingName + "'");
        };
    boolean normalize = optionalBoolean(root, "normalize", errors).orElse(true);
    if (!normalize) {
      // Search, zero-shot labels and summaries compare vectors by dot product of unit vectors;
      // normalizing does not change a cosine ranking, so nothing is lost by requiring it.
      errors.fail(
          "normalize must be true: the engine compares unit-length vectors by dot product"
              + " (normalizing does not change cosine similarity)");
    }
    String queryPrefix = optionalString(root, "queryPrefix", errors).orElse("");
    String passagePrefix = optionalString(root, "passagePrefix", errors).orElse("");
    optionalString(root, "description", errors);
    String modelFile = fileName(root, "modelFile", format.defaultFile(), errors);
    String tokenizerFile = fileName(root, "tokenizerFile", "tokenizer.json", errors);
    Map<String, String> sha256 = new LinkedHashMap<>();
    JsonNode pins = root.get("sha256");
    if (pins != null && !pins.isNull()) {
      if (!pins.isObject()) {
        errors.fail("sha256 must be an object of file name to hash");
      } else {
        for (Map.Entry<String, JsonNode> e : pins.properties()) {
          String hash = e.getValue().isString() ? e.getValue().stringValue() : null;
          if (hash == null || !HEX64.matcher(hash).matches()) {
            errors.fail(
                "sha256 of " + e.getKey() + " must be 64 lower-case hex digits, got "
                    + e.getValue());
          }
          checkFileName(e.getKey(), "a sha256 entry", errors);
          sha256.put(e.getKey(), hash);
        }
      }
    }
    if (requirePins) {
      for (String f : List.of(modelFile, tokenizerFile)) {
        if (!sha256.containsKey(f)) {
          errors.fail(
              "sha256 has no hash for " + f + ": pin the folder's files with 'solo models pin "
                  + dir + "'");
        }
      }
    }
    errors.throwIfAny();
    return new ModelSpec(
        id,
        new ModelSource.Folder(dir, format, modelFile, tokenizerFile, sha256),
        dimension,
        maxTokens,
        pooling,
        true,
        queryPrefix,
        passagePrefix);
  }

  private static String fileName(ObjectNode root, String field, String dflt, Errors errors) {
    String name = optionalString(root, field, errors).orElse(dflt);
    checkFileName(name, field, errors);
    return name;
  }

  private static void checkFileName(String name, String what, Errors errors) {
    if (name.isEmpty() || name.length() > 40 || name.contains("/") || name.contains("\\") || name.equals(".")
        || name.equals("..")) {
      errors.fail(what + " must be a file name (at most 40 characters) inside the model folder, got '" + name + "'");
    }
  }

  private static String requiredString(ObjectNode root, String field, Errors errors) {
    return optionalString(root, field, errors)
        .orElseGet(
            () -> {
              errors.fail("the required field '" + field + "' is missing");
              return "";
            });
  }

  private static Optional<String> optionalString(ObjectNode root, String field, Errors errors) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    if (!n.isString()) {
      errors.fail(field + " must be a string, got " + n);
      return Optional.empty();
    }
    return Optional.of(n.stringValue());
  }

  private static Optional<Boolean> optionalBoolean(ObjectNode root, String field, Errors errors) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    if (!n.isBoolean()) {
      errors.fail(field + " must be true or false, got " + n);
      return Optional.empty();
    }
    return Optional.of(n.booleanValue());
  }

  private static int requiredInt(ObjectNode root, String field, int min, int max, Errors errors) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      errors.fail("the required field '" + field + "' is missing");
      return min;
    }
    if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < min || n.intValue() > max) {
      errors.fail(field + " must be a whole number in " + min + ".." + max + ", got " + n);
      return min;
    }
    return n.intValue();
  }

  private static void writeAtomically(Path file, byte[] bytes) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      try (FileChannel ch =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(bytes));
        ch.write(java.nio.ByteBuffer.wrap("\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new StorageException("cannot write " + file + ": " + e, file, e);
    }
  }

  /** Collects every problem of a descriptor, so that one run of a fix-up loop shows them all. */
  private static final class Errors {
    private final Path file;
    private final List<String> problems = new java.util.ArrayList<>();

    Errors(Path file) {
      this.file = file;
    }

    void fail(String problem) {
      problems.add(problem);
    }

    InvalidInputException error(String problem) {
      problems.add(problem);
      return exception();
    }

    void throwIfAny() {
      if (!problems.isEmpty()) {
        throw exception();
      }
    }

    private InvalidInputException exception() {
      return new InvalidInputException(
          file + (problems.size() == 1 ? ": " : " has " + problems.size() + " problems: ")
              + String.join("; ", problems),
          file.getParent().toString(),
          null);
    }
  }
}
