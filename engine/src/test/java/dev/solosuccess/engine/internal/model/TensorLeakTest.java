package dev.solosuccess.engine.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solosuccess.engine.InferenceListener;
import dev.solosuccess.sdk.EmbeddingKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ONNX Runtime value a model touches (the input tensors of each run and every output of its
 * result) is closed by the time the call returns: single queries, many mixed-length passages in
 * parallel batches, truncated inputs, and calls from several threads at once. ONNX Runtime itself
 * answers whether each value is closed.
 */
class TensorLeakTest {

  @TempDir static Path nativeDir;

  @BeforeAll
  static void prepare() {
    NativeRuntime.prepare(nativeDir);
  }

  @Test
  void everyTensorInAndOutOfEveryRunIsClosedWhenTheCallReturns() throws Exception {
    TensorLedger ledger = new TensorLedger();
    List<String> passages = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      passages.add("sentence " + i + " " + "word ".repeat(1 + (i * 7) % 60));
    }
    passages.add("overlong ".repeat(400)); // truncated to the model's 256 word pieces
    try (OnnxEmbeddingModel model =
        OnnxEmbeddingModel.load(
            ModelSpec.ALL_MINILM_L6_V2,
            SessionTuning.defaults(2, 32),
            InferenceListener.NONE,
            ledger)) {
      model.embedQuery("a single short query");
      assertThat(ledger.tracked()).as("inputs and output of one run").isGreaterThanOrEqualTo(4);
      assertThat(ledger.open()).isZero();

      EmbeddingModel.Embedded embedded = model.embed(passages, EmbeddingKind.PASSAGE);
      assertThat(embedded.truncated()).isEqualTo(1);
      int afterBatches = ledger.tracked();
      assertThat(afterBatches).as("several batches ran").isGreaterThan(4 * 5);
      assertThat(ledger.open()).isZero();

      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> calls = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          int shift = t;
          calls.add(
              pool.submit(
                  () -> model.embedPassages(passages.subList(shift, shift + 40)).vectors()));
        }
        for (Future<?> f : calls) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      assertThat(ledger.tracked()).isGreaterThan(afterBatches);
      assertThat(ledger.open()).isZero();
    }
  }

  @Test
  void theLedgerSeesAnOpenTensor() throws Exception {
    TensorLedger ledger = new TensorLedger();
    ai.onnxruntime.OrtEnvironment env = ai.onnxruntime.OrtEnvironment.getEnvironment();
    ai.onnxruntime.OnnxTensor t =
        ledger.track(ai.onnxruntime.OnnxTensor.createTensor(env, new long[] {1, 2, 3}));
    assertThat(ledger.open()).isEqualTo(1);
    t.close();
    assertThat(ledger.open()).isZero();
  }
}
