package dev.solosuccess.benchmarks;

import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.MasterKey;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.DocumentSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Child JVM of {@link KillHarness}: opens an engine on a data folder (with the master key in
 * {@code SOLO_MASTER_KEY} when it is set) and ingests small generated documents until it is
 * killed, one call at a time. After each call returns it prints {@code ACK <id> <sha256>
 * <marker>}; every fourth document it deletes an earlier one of its own, printing {@code TRY-DEL
 * <id>} before the call and {@code DEL <id>} after it returns. Each document holds a term found in
 * no other ({@code marker}), the word "harness" found in all, and a dozen seeded random words, so
 * that documents differ in meaning as well as in one term.
 *
 * <p>Arguments: data folder, round number, seed.
 */
public final class KillEngineChild {

  private static final String[] WORDS = {
    "invoice", "courier", "pallet", "warehouse", "refund", "roast", "espresso", "bean", "grinder",
    "kettle", "shipment", "customs", "label", "barcode", "scanner", "forklift", "ledger", "audit",
    "payroll", "vacation", "holiday", "contract", "supplier", "farmer", "harvest", "rain", "drought",
    "altitude", "valley", "river", "mountain", "truck", "train", "harbour", "container", "crate",
    "sample", "tasting", "cupping", "acidity", "sweetness", "body", "aroma", "chocolate", "citrus",
    "berry", "caramel", "nutty", "floral", "smoky", "printer", "laptop", "password", "backup",
    "server", "router", "cable", "meeting", "minutes", "budget", "forecast", "quarter", "revenue",
    "margin", "discount", "coupon", "loyalty", "newsletter", "website", "checkout", "basket",
    "parcel", "return", "damage", "insurance", "claim", "warranty", "manual", "recipe", "milk",
    "oat", "sugar", "syrup", "cup", "lid", "sleeve", "napkin", "cleaning", "descaling", "filter",
    "water", "hardness", "temperature", "pressure", "extraction", "ratio", "dose", "yield", "timer"
  };

  private KillEngineChild() {}

  public static void main(String[] args) {
    Path dataDir = Path.of(args[0]);
    int round = Integer.parseInt(args[1]);
    Random random = new Random(Long.parseLong(args[2]));
    EngineConfig.Builder config = EngineConfig.builder(dataDir);
    if (MasterKey.inEnvironment()) {
      config.masterKey(MasterKey.fromEnvironment());
    }
    SoloEngine engine = SoloEngine.open(config.build()); // never closed: the parent kills us
    System.out.println("OPEN");
    System.out.flush();
    List<String> mine = new ArrayList<>();
    for (int i = 0; ; i++) {
      String marker = "zq" + round + "x" + i + "k";
      Document d =
          engine.documents()
              .ingest(DocumentSource.ofText("round-" + round + "/doc-" + i + ".txt",
                  text(round, i, marker, random)));
      System.out.println("ACK " + d.id() + " " + d.sha256() + " " + marker);
      System.out.flush();
      mine.add(d.id());
      if (i % 4 == 3) {
        String victim = mine.remove(random.nextInt(mine.size()));
        System.out.println("TRY-DEL " + victim);
        System.out.flush();
        engine.documents().delete(victim);
        System.out.println("DEL " + victim);
        System.out.flush();
      }
    }
  }

  static String text(int round, int i, String marker, Random random) {
    StringBuilder b = new StringBuilder();
    b.append("Harness note ").append(i).append(" of round ").append(round)
        .append(". Reference ").append(marker).append('.');
    for (int w = 0; w < 12; w++) {
      b.append(w % 4 == 0 ? ". The " : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return b.append('.').toString();
  }
}
