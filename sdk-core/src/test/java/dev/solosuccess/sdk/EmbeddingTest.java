package dev.solosuccess.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class EmbeddingTest {

  @Test
  void changingThePassedArrayDoesNotChangeTheEmbedding() {
    float[] v = {1, 2, 3};
    Embedding e = new Embedding("m", v);

    v[0] = 99;

    assertThat(e.vector()).containsExactly(1, 2, 3);
  }

  @Test
  void changingTheReturnedArrayDoesNotChangeTheEmbedding() {
    Embedding e = new Embedding("m", new float[] {1, 2, 3});

    float[] out = e.vector();
    out[1] = 99;

    assertThat(e.vector()).containsExactly(1, 2, 3);
    assertThat(e.vector()).isNotSameAs(e.vector());
  }

  @Test
  void equalsAndHashCodeCompareContent() {
    Embedding a = new Embedding("m", new float[] {0.5f, -1f});
    Embedding b = new Embedding("m", new float[] {0.5f, -1f});

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(new Embedding("m", new float[] {0.5f, -1.0001f}));
    assertThat(a).isNotEqualTo(new Embedding("other", new float[] {0.5f, -1f}));
    assertThat(a).isNotEqualTo(new Embedding("m", new float[] {0.5f, -1f, 0f}));
    assertThat(a).isNotEqualTo("m");
  }

  @Test
  void toStringNamesModelAndDimensionNotTheVector() {
    Embedding e = new Embedding("all-minilm-l6-v2", new float[384]);

    assertThat(e.toString()).isEqualTo("Embedding[model=all-minilm-l6-v2, dimension=384]");
    assertThat(e.dimension()).isEqualTo(384);
    assertThat(e.model()).isEqualTo("all-minilm-l6-v2");
  }

  @Test
  void cosineOfKnownPairs() {
    Embedding x = new Embedding("m", new float[] {1, 0});
    Embedding y = new Embedding("m", new float[] {0, 3});
    Embedding minusX = new Embedding("m", new float[] {-2, 0});
    Embedding diagonal = new Embedding("m", new float[] {1, 1});

    assertThat(x.cosine(x)).isCloseTo(1.0, within(1e-12));
    assertThat(x.cosine(y)).isCloseTo(0.0, within(1e-12));
    assertThat(x.cosine(minusX)).isCloseTo(-1.0, within(1e-12));
    assertThat(x.cosine(diagonal)).isCloseTo(Math.sqrt(0.5), within(1e-7));
  }

  @Test
  void cosineMatchesTheDefinitionAndIgnoresLength(TestInfo info) {
    TestSeed random = TestSeed.random(info);
    for (int round = 0; round < 100; round++) {
      int dim = 1 + random.nextInt(64);
      float[] a = new float[dim];
      float[] b = new float[dim];
      for (int i = 0; i < dim; i++) {
        a[i] = (float) random.nextGaussian();
        b[i] = (float) random.nextGaussian();
      }
      double dot = 0, na = 0, nb = 0;
      for (int i = 0; i < dim; i++) {
        dot += (double) a[i] * b[i];
        na += (double) a[i] * a[i];
        nb += (double) b[i] * b[i];
      }
      double expected = dot / Math.sqrt(na) / Math.sqrt(nb);
      Embedding ea = new Embedding("m", a);
      Embedding eb = new Embedding("m", b);
      float[] scaled = b.clone();
      for (int i = 0; i < dim; i++) {
        scaled[i] *= 4;
      }

      assertThat(ea.cosine(eb)).as("dim %d (%s)", dim, random).isCloseTo(expected, within(1e-9));
      assertThat(eb.cosine(ea)).as("symmetric (%s)", random).isCloseTo(expected, within(1e-9));
      assertThat(ea.cosine(new Embedding("m", scaled)))
          .as("scaled (%s)", random)
          .isCloseTo(expected, within(1e-6));
      assertThat(ea.cosine(eb)).isBetween(-1.0 - 1e-9, 1.0 + 1e-9);
    }
  }

  @Test
  void cosineOfDifferentDimensionsIsRefusedNamingBoth() {
    Embedding three = new Embedding("m", new float[] {1, 2, 3});
    Embedding two = new Embedding("m", new float[] {1, 2});

    assertThatThrownBy(() -> three.cosine(two))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage("dimension must be 3, got 2");
    assertThatThrownBy(() -> two.cosine(three)).hasMessage("dimension must be 2, got 3");
  }

  @Test
  void blankModelAndEmptyVectorAreRefused() {
    assertThatThrownBy(() -> new Embedding(" ", new float[] {1}))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("model");
    assertThatThrownBy(() -> new Embedding(null, new float[] {1}))
        .isExactlyInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new Embedding("m", new float[0]))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> new Embedding("m", null))
        .isExactlyInstanceOf(InvalidInputException.class);
  }
}
