package dev.solosuccess.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@link SoloEngine#backup(Path)} wrote.
 *
 * @param folder the backup folder
 * @param documents documents in the store when the backup began; every one acknowledged before
 *     then is in it (ingest may go on meanwhile, and later ones may be too)
 * @param sequence the store's last change when the backup began
 * @param bytes size of the store's copy
 * @param encrypted whether the copy is encrypted (it stays under the folder's keys)
 * @param sha256 SHA-256 of the store's copy, checked by restore
 * @param took how long it took
 */
public record BackupReceipt(
    Path folder,
    long documents,
    long sequence,
    long bytes,
    boolean encrypted,
    String sha256,
    Duration took) {}
