package dev.solosuccess.engine.internal.model;

import dev.solosuccess.sdk.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a model's files are: class-path resources of a Maven artifact (the built-in models), or a
 * folder on disk whose files are pinned by SHA-256 in its descriptor (user models).
 */
public sealed interface ModelSource {

  /** The format of the graph: what runs it. */
  ModelFormat format();

  /**
   * The bytes of the model's graph, checked against its pin for a folder.
   *
   * @throws ModelException if it is missing or, in a folder, differs from its pinned hash
   */
  byte[] readModel(String modelId);

  /**
   * The bytes of the model's HuggingFace {@code tokenizer.json}, checked against its pin for a
   * folder.
   *
   * @throws ModelException if it is missing or, in a folder, differs from its pinned hash
   */
  byte[] readTokenizer(String modelId);

  /**
   * Class-path resources, read through the engine's class loader (inside a named module, {@code
   * Class.getResourceAsStream} cannot see another module's resources).
   *
   * @param model resource name of the graph
   * @param tokenizer resource name of the tokenizer
   */
  record ClassPath(String model, String tokenizer) implements ModelSource {

    public ClassPath {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(tokenizer, "tokenizer");
    }

    @Override
    public ModelFormat format() {
      return ModelFormat.ONNX;
    }

    @Override
    public byte[] readModel(String modelId) {
      return read(model, "model", modelId);
    }

    @Override
    public byte[] readTokenizer(String modelId) {
      return read(tokenizer, "tokenizer", modelId);
    }

    private static byte[] read(String resource, String what, String modelId) {
      try (InputStream in = ModelSource.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new ModelException(
              what + " resource " + resource + " of " + modelId + " is not on the class path",
              modelId,
              null);
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new ModelException(
            "cannot read " + what + " resource " + resource + " of " + modelId + ": " + e,
            modelId,
            e);
      }
    }
  }

  /**
   * A model folder described by {@code solo-model.json}.
   *
   * @param folder the folder, absolute
   * @param format what runs the graph
   * @param modelFile the graph's file name in the folder
   * @param tokenizerFile the tokenizer's file name in the folder
   * @param sha256 the pinned SHA-256 (lower-case hex) of every pinned file, by file name; the model
   *     and tokenizer files are always among them
   */
  record Folder(
      Path folder,
      ModelFormat format,
      String modelFile,
      String tokenizerFile,
      Map<String, String> sha256)
      implements ModelSource {

    public Folder {
      Objects.requireNonNull(folder, "folder");
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(modelFile, "modelFile");
      Objects.requireNonNull(tokenizerFile, "tokenizerFile");
      sha256 = java.util.Collections.unmodifiableMap(new TreeMap<>(sha256));
    }

    @Override
    public byte[] readModel(String modelId) {
      return readVerified(modelFile, modelId);
    }

    @Override
    public byte[] readTokenizer(String modelId) {
      return readVerified(tokenizerFile, modelId);
    }

    /**
     * A pinned file's bytes, hashed as read: what is checked is exactly what is loaded.
     *
     * @throws ModelException if the file is missing, unreadable, too large, or not what was pinned
     */
    public byte[] readVerified(String file, String modelId) {
      String pinned = sha256.get(file);
      if (pinned == null) {
        throw new ModelException(
            file + " of model " + modelId + " in " + folder + " is not pinned: "
                + ModelDescriptor.FILE_NAME + " has no sha256 for it (run 'solo models pin "
                + folder + "')",
            modelId,
            null);
      }
      Path path = folder.resolve(file);
      byte[] bytes;
      try {
        if (Files.size(path) > Integer.MAX_VALUE - 16) {
          throw new ModelException(
              file + " of model " + modelId + " in " + folder + " is " + Files.size(path)
                  + " bytes; at most 2 GiB is supported",
              modelId,
              null);
        }
        bytes = Files.readAllBytes(path);
      } catch (NoSuchFileException e) {
        throw new ModelException(
            "model " + modelId + ": " + file + " is missing from " + folder, modelId, e);
      } catch (IOException e) {
        throw new ModelException(
            "model " + modelId + ": cannot read " + path + ": " + e, modelId, e);
      }
      String actual = Sha256.hex(bytes);
      if (!actual.equals(pinned)) {
        throw new ModelException(
            "model " + modelId + ": " + file + " in " + folder + " has changed since it was"
                + " pinned: " + ModelDescriptor.FILE_NAME + " pins sha256 " + pinned
                + ", the file has sha256 " + actual
                + "; restore the original file, or pin the new one with 'solo models pin "
                + folder + "' (a data folder built with the old file must then be re-embedded"
                + " with 'solo reindex')",
            modelId,
            null);
      }
      return bytes;
    }

    /**
     * Checks every pinned file against its hash, for backends that load from a path rather than
     * from bytes.
     *
     * @throws ModelException naming the first file that is missing or differs
     */
    public void verifyAll(String modelId) {
      for (String file : sha256.keySet()) {
        String actual;
        try {
          actual = Sha256.hexOfFile(folder.resolve(file));
        } catch (NoSuchFileException e) {
          throw new ModelException(
              "model " + modelId + ": " + file + " is missing from " + folder, modelId, e);
        } catch (IOException e) {
          throw new ModelException(
              "model " + modelId + ": cannot read " + folder.resolve(file) + ": " + e, modelId, e);
        }
        if (!actual.equals(sha256.get(file))) {
          throw new ModelException(
              "model " + modelId + ": " + file + " in " + folder + " has changed since it was"
                  + " pinned: " + ModelDescriptor.FILE_NAME + " pins sha256 " + sha256.get(file)
                  + ", the file has sha256 " + actual,
              modelId,
              null);
        }
      }
    }
  }
}
