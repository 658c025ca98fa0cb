package dev.solosuccess.sdk;

/**
 * How well a trained classifier finds one label on its held-out examples.
 *
 * @param label the label
 * @param precision of the held-out texts predicted as this label, the share that carry it; 0 when
 *     none was predicted as it
 * @param recall of the held-out texts that carry this label, the share predicted as it
 * @param f1 the harmonic mean of precision and recall; 0 when both are 0
 * @param support how many held-out texts carry this label
 */
public record LabelMetrics(String label, double precision, double recall, double f1, int support) {}
