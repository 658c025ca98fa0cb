package dev.solosuccess.engine;

import dev.solosuccess.sdk.SoloClient;

/** The {@link SoloClientContract} for the engine in the process ({@code engine.authenticate}). */
class EmbeddedContractTest extends SoloClientContract {

  @Override
  protected SoloClient connect(String apiKey) {
    return engine.authenticate(apiKey);
  }

  @Override
  protected SoloClient closable() {
    return engine;
  }
}
