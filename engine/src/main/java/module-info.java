/**
 * The SoloSuccess engine: {@link dev.solosuccess.engine.SoloEngine}, the in-process {@link
 * dev.solosuccess.sdk.SoloClient}. Implementation packages ({@code ...engine.internal}) are not
 * exported.
 */
module dev.solosuccess.engine {
  requires transitive dev.solosuccess.sdk;
  requires dev.solosuccess.index;
  requires com.microsoft.onnxruntime;
  requires ai.djl.api;
  requires ai.djl.tokenizers;
  requires com.h2database;
  requires java.sql;
  requires org.apache.pdfbox;
  requires org.jsoup;
  requires org.apache.tika.core;
  requires tools.jackson.databind;
  requires okhttp3;
  // solo serve: Javalin (a named module) brings Jetty 12 and Kotlin's standard library;
  // Bucket4j and Micrometer are automatic modules (Automatic-Module-Name in their manifests).
  requires io.javalin;
  requires io.github.bucket4j.core;
  requires micrometer.core;
  requires micrometer.registry.prometheus;

  exports dev.solosuccess.engine;
}
