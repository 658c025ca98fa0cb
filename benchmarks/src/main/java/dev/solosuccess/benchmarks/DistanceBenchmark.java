package dev.solosuccess.benchmarks;

import com.github.jelmerk.hnswlib.core.DistanceFunctions;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.util.VectorUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The inner loop of every vector search: one dot product of two float vectors. Lucene's {@code
 * VectorUtil} (Panama SIMD when {@code --add-modules jdk.incubator.vector} is given, which the
 * fork does), hnswlib's own scalar inner product, and a plain loop.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar DistanceBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class DistanceBenchmark {

  @Param({"384", "768"})
  public int dimension;

  private float[] a;
  private float[] b;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    a = new float[dimension];
    b = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      a[i] = (float) random.nextGaussian();
      b[i] = (float) random.nextGaussian();
    }
  }

  @Benchmark
  public float luceneVectorUtil() {
    return VectorUtil.dotProduct(a, b);
  }

  @Benchmark
  public float hnswlibInnerProduct() {
    return DistanceFunctions.FLOAT_INNER_PRODUCT.distance(a, b);
  }

  @Benchmark
  public float scalarLoop() {
    float s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
