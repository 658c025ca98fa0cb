/** Runnable examples of the SoloSuccess API; each one is run by a test. */
module dev.solosuccess.examples {
  requires dev.solosuccess.engine;

  exports dev.solosuccess.examples;
}
