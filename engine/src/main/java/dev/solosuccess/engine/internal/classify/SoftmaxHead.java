package dev.solosuccess.engine.internal.classify;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import dev.solosuccess.engine.internal.crypto.FileSeal;
import dev.solosuccess.engine.internal.model.PyTorchRuntime;
import dev.solosuccess.sdk.ModelException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A softmax classification layer on sentence embeddings (multinomial logistic regression), trained
 * and run by PyTorch through DJL: one {@link Linear} block from the embedding to a logit per label,
 * a softmax over the logits.
 *
 * <p>Training is deterministic: weights start at zero (the loss is convex, so no random start is
 * needed), examples are visited in the order given, in mini-batches, with Adam at a fixed learning
 * rate; no random number generator of DJL or PyTorch is involved.
 *
 * <p>Thread-safe once trained or loaded: each {@link #probabilities} call runs its own {@link
 * Predictor}, whose tensors are freed when it returns. {@link #close()} frees the weights; it must
 * not race with calls (the owner's lock sees to that).
 */
final class SoftmaxHead implements AutoCloseable {

  /** File name prefix of the weights: DJL writes {@code head-0000.params}. */
  static final String PARAMS_PREFIX = "head";
  static final String SEALED_PARAMS = "head.params.sealed";

  /**
   * Examples per optimizer step: several steps per epoch on small sets, where a softmax layer on
   * sentence vectors converges within a few dozen epochs.
   */
  static final int BATCH_SIZE = 32;

  /**
   * Adam's step. Inputs are unit vectors of a few hundred small components, so a logit moves by
   * about the step times the vector's L1 norm (≈ 15 for 384 dimensions) per update: 0.01 reaches
   * confident logits in tens of steps without overshooting.
   */
  static final float LEARNING_RATE = 0.01f;

  /** L2 penalty: keeps weights, and so probabilities, from growing without bound on separable data. */
  static final float WEIGHT_DECAY = 1e-4f;

  private final Model model;
  private final int dimension;
  private final int labels;

  private SoftmaxHead(Model model, int dimension, int labels) {
    this.model = model;
    this.dimension = dimension;
    this.labels = labels;
  }

  private static Block block(int labels) {
    return Linear.builder().setUnits(labels).build();
  }

  /**
   * Trains a head.
   *
   * @param x one embedding per example, in the order training visits them
   * @param y each example's label index
   * @param labels number of labels
   * @param epochs passes over the examples
   * @throws ModelException if PyTorch cannot be loaded or training fails
   */
  static SoftmaxHead train(float[][] x, int[] y, int labels, int epochs) {
    int dimension = x[0].length;
    Model model = PyTorchRuntime.newModel("classifier-head");
    try {
      model.setBlock(block(labels));
      DefaultTrainingConfig config =
          new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
              .optInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT)
              .optOptimizer(
                  Optimizer.adam()
                      .optLearningRateTracker(Tracker.fixed(LEARNING_RATE))
                      .optWeightDecays(WEIGHT_DECAY)
                      .build())
              .optDevices(new Device[] {Device.cpu()});
      try (NDManager data = model.getNDManager().newSubManager();
          Trainer trainer = model.newTrainer(config)) {
        long[] targets = new long[y.length];
        for (int i = 0; i < y.length; i++) {
          targets[i] = y[i];
        }
        ArrayDataset dataset =
            new ArrayDataset.Builder()
                .setData(data.create(x))
                .optLabels(data.create(targets))
                .setSampling(BATCH_SIZE, false)
                .build();
        trainer.initialize(new Shape(1, dimension));
        EasyTrain.fit(trainer, epochs, dataset, null);
      }
      return new SoftmaxHead(model, dimension, labels);
    } catch (IOException | TranslateException | RuntimeException e) {
      model.close();
      if (e instanceof ModelException me) {
        throw me;
      }
      throw new ModelException(
          "training the classifier head failed: " + e.getMessage(), PyTorchRuntime.ENGINE, e);
    }
  }

  /**
   * Loads a head saved by {@link #save}.
   *
   * @throws IOException if the weights cannot be read
   * @throws MalformedModelException if they are damaged or not of a {@code labels}-way head on
   *     {@code dimension}-long vectors
   * @throws ModelException if PyTorch cannot be loaded
   */
  static SoftmaxHead load(Path folder, int dimension, int labels, FileSeal seal)
      throws IOException, MalformedModelException {
    Model model = PyTorchRuntime.newModel("classifier-head");
    try {
      model.setBlock(block(labels));
      Path sealed = folder.resolve(SEALED_PARAMS);
      if (Files.exists(sealed)) {
        try (DataInputStream in = new DataInputStream(seal.open(sealed))) {
          model.getBlock().loadParameters(model.getNDManager(), in);
        }
      } else {
        model.load(folder, PARAMS_PREFIX);
      }
      Shape weight = model.getBlock().getParameters().get("weight").getArray().getShape();
      if (!weight.equals(new Shape(labels, dimension))) {
        throw new MalformedModelException(
            "the weights in " + folder + " are " + weight + ", expected (" + labels + ", "
                + dimension + ")");
      }
      return new SoftmaxHead(model, dimension, labels);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /**
   * Writes the weights into {@code folder}: as DJL's {@code head-0000.params}, or, in an encrypted
   * data folder, as {@value #SEALED_PARAMS}, the block's parameters sealed with AES-256-GCM and
   * never written in plain form.
   */
  void save(Path folder, FileSeal seal) throws IOException {
    if (!seal.sealing()) {
      model.save(folder, PARAMS_PREFIX);
      return;
    }
    try (DataOutputStream out = new DataOutputStream(seal.create(folder.resolve(SEALED_PARAMS)))) {
      model.getBlock().saveParameters(out);
    }
  }

  /**
   * The probability of each label for each vector.
   *
   * @param x vectors of this head's dimension
   * @return one row per vector, one probability per label index
   */
  float[][] probabilities(float[][] x) {
    try (Predictor<float[][], float[][]> predictor =
        model.newPredictor(new ProbabilitiesTranslator(labels))) {
      return predictor.predict(x);
    } catch (TranslateException e) {
      throw new ModelException(
          "the classifier head failed on " + x.length + " vectors of " + dimension + ": "
              + e.getMessage(),
          PyTorchRuntime.ENGINE,
          e);
    }
  }

  @Override
  public void close() {
    model.close();
  }

  /** Vectors in, softmax of the logits out; the tensors belong to the predictor's context. */
  private record ProbabilitiesTranslator(int labels)
      implements NoBatchifyTranslator<float[][], float[][]> {

    @Override
    public NDList processInput(TranslatorContext ctx, float[][] x) {
      return new NDList(ctx.getNDManager().create(x));
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
      NDArray probabilities = list.singletonOrThrow().softmax(-1);
      float[] flat = probabilities.toFloatArray();
      float[][] rows = new float[flat.length / labels][];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = Arrays.copyOfRange(flat, i * labels, (i + 1) * labels);
      }
      return rows;
    }
  }
}
