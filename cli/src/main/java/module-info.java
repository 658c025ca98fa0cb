/** {@code solo}: the command line over the public API of the SoloSuccess engine. */
module dev.solosuccess.cli {
  requires dev.solosuccess.engine;
  requires info.picocli;
  requires tools.jackson.databind;
  requires me.tongfei.progressbar;
  requires java.logging;

  exports dev.solosuccess.cli;

  opens dev.solosuccess.cli to
      info.picocli;
  opens dev.solosuccess.cli.internal to
      info.picocli;
}
