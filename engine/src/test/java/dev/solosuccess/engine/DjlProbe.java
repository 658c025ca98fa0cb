package dev.solosuccess.engine;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.InputStream;
import java.util.Map;

/**
 * Child JVM of {@link OfflineTest}, the control: DJL's tokenizer loaded on DJL's defaults, as a
 * careless application would, with the same guard. The guard must see DJL's call home, or it
 * proves nothing about the engine.
 */
public final class DjlProbe {

  private DjlProbe() {}

  public static void main(String[] args) throws Exception {
    NetworkGuard.install();
    try (InputStream in =
            DjlProbe.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2-tokenizer.json");
        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of())) {
      System.out.println("OK tokens=" + tokenizer.encode("Hello world").getIds().length);
    }
    NetworkGuard.report();
  }
}
