package dev.solosuccess.engine.internal;

import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.ReindexListener;
import dev.solosuccess.engine.ReindexProgress;
import dev.solosuccess.engine.ReindexSummary;
import dev.solosuccess.engine.internal.crypto.KeyRing;
import dev.solosuccess.engine.internal.model.CachingEmbeddingModel;
import dev.solosuccess.engine.internal.model.EmbeddingModel;
import dev.solosuccess.engine.internal.model.ModelLoader;
import dev.solosuccess.engine.internal.model.ModelSpec;
import dev.solosuccess.engine.internal.model.NativeRuntime;
import dev.solosuccess.engine.internal.model.VectorCache;
import dev.solosuccess.engine.internal.store.MetadataStore;
import dev.solosuccess.engine.internal.store.ModelRecord;
import dev.solosuccess.engine.internal.store.Reembedding;
import dev.solosuccess.index.ChunkIndex;
import dev.solosuccess.index.IndexException;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.SoloException;
import dev.solosuccess.sdk.StorageException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Re-embeds a data folder's chunks with another model, from their stored text (nothing is parsed
 * again), and rebuilds the search index.
 *
 * <p>Crash-safe: new vectors are staged in their own table while the store keeps the old model's
 * vectors and record; one transaction then swaps every chunk's vector and the model record. Killed
 * before that commit, the data folder opens with the old model (the next run starts over, with the
 * vectors already computed coming from the embedding cache); after it, with the new model, and the
 * index, which is derived, is rebuilt from the store on open if this run could not finish it.
 *
 * <p>Holds the data folder's lock throughout: no engine may have it open.
 */
public final class Reindexer {

  private static final System.Logger LOG = System.getLogger(Reindexer.class.getName());

  /** Chunks per model call and staging transaction: full, length-sorted batches of 32. */
  static final int PAGE = 256;

  private Reindexer() {}

  public static ReindexSummary run(
      EngineConfig config,
      ReindexListener listener,
      java.util.function.Supplier<java.util.Optional<KeyRing>> keysOpener) {
    long start = System.nanoTime();
    ModelSpec target =
        ModelChoice.named(config)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "name the model to re-embed with: a built-in id or a model folder"
                            + " (EngineConfig.Builder.embeddingModel, solo reindex --model)"));
    Path dataDir = config.dataDir();
    if (!Files.exists(dataDir.resolve("meta.mv.db"))) {
      throw new InvalidInputException(
          "no data folder at " + dataDir + ": there is nothing to re-embed");
    }
    Deque<AutoCloseable> resources = new ArrayDeque<>();
    try {
      resources.push(DataDirLock.acquire(dataDir));
      NativeRuntime.prepare(config.nativeLibraryDir());
      java.util.Optional<KeyRing> keys = keysOpener.get();
      keys.ifPresent(resources::push);
      MetadataStore store =
          MetadataStore.open(dataDir, keys.map(KeyRing::storePassword).orElse(null));
      resources.push(store);
      ModelRecord to = ModelChoice.record(target);
      ModelRecord from = store.storedModelRecord().orElse(null);
      long documents = store.documentCount();
      if (from == null
          || (from.id().equals(to.id())
              && from.dimension() == to.dimension()
              && from.key().equals(to.key()))) {
        store.checkModel(to); // records a new store's model, or a user model's new folder
        ModelRecord was = from == null ? to : from;
        return new ReindexSummary(
            was.id(), was.dimension(), to.id(), to.dimension(), false, documents, 0, 0, 0,
            Duration.ofNanos(System.nanoTime() - start));
      }
      EmbeddingModel loaded =
          ModelLoader.load(target, config);
      resources.push(loaded);
      EmbeddingModel model = loaded;
      if (config.embeddingCacheEntries() > 0) {
        VectorCache cache = store.vectorCache(config.embeddingCacheEntries());
        resources.push(cache); // closed (its pending writes done) before the store
        model = new CachingEmbeddingModel(loaded, cache, config.inferenceListener());
      }

      long total = store.chunkCount();
      listener.started(from.id(), to.id(), total);
      store.startStaging();
      long done = 0;
      long cached = 0;
      long truncated = 0;
      String after = "";
      while (true) {
        List<Reembedding.ChunkText> page = store.chunkTextsAfter(after, PAGE);
        if (page.isEmpty()) {
          break;
        }
        EmbeddingModel.Embedded embedded =
            model.embedPassages(page.stream().map(Reembedding.ChunkText::text).toList());
        store.stage(page.stream().map(Reembedding.ChunkText::id).toList(), embedded.vectors());
        done += page.size();
        cached += embedded.cached();
        truncated += embedded.truncated();
        after = page.get(page.size() - 1).id();
        listener.progress(
            new ReindexProgress(done, total, cached, Duration.ofNanos(System.nanoTime() - start)));
        if (Thread.currentThread().isInterrupted()) {
          throw new SoloException(
              "re-embedding interrupted after " + done + " of " + total + " chunks; the data"
                  + " folder keeps model " + from.id());
        }
      }
      store.switchModel(to); // the one commit that changes the data folder's model
      LOG.log(
          Level.INFO,
          "data folder " + dataDir + " re-embedded: " + from.id() + " -> " + to.id() + ", "
              + done + " chunks");
      try {
        store.dropStaging();
      } catch (StorageException e) {
        LOG.log(Level.WARNING, "the re-embedding table stays until the next open: " + e);
      }
      listener.indexing(documents);
      ChunkIndex index = Indexes.open(dataDir.resolve("index"), Indexes.settings(target, config));
      resources.push(index);
      IndexSync sync = new IndexSync(store, index);
      sync.catchUp();
      sync.commit();
      return new ReindexSummary(
          from.id(), from.dimension(), to.id(), to.dimension(), true, documents, done, cached,
          truncated, Duration.ofNanos(System.nanoTime() - start));
    } catch (IndexException e) {
      SoloException failure =
          new StorageException("cannot rebuild the index: " + e.getMessage(), e.directory(), e);
      closeAll(resources, failure);
      throw failure;
    } catch (RuntimeException e) {
      closeAll(resources, e);
      throw e;
    } finally {
      closeAll(resources, null);
    }
  }

  private static void closeAll(Deque<AutoCloseable> resources, Exception primary) {
    StorageException failure = null;
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        if (primary != null) {
          primary.addSuppressed(e);
        } else if (failure == null) {
          failure = new StorageException("closing after the re-embedding failed: " + e, null, e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
