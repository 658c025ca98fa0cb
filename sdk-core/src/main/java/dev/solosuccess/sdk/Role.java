package dev.solosuccess.sdk;

/**
 * What a {@link Principal} may do. Every service method checks the caller's role:
 *
 * <table>
 *   <caption>Operations allowed per role</caption>
 *   <tr><th>operation</th><th>ADMIN</th><th>WRITER</th><th>READER</th><th>AUDITOR</th></tr>
 *   <tr><td>search, documents get/list/count/chunks/text/labels, summarize, embed, classify, redact,
 *       classifiers list</td><td>yes</td><td>yes</td><td>yes</td><td>no</td></tr>
 *   <tr><td>documents ingest/delete/erase, classifier train/delete</td>
 *       <td>yes</td><td>yes</td><td>no</td><td>no</td></tr>
 *   <tr><td>audit head/verify/entries</td><td>yes</td><td>no</td><td>no</td><td>yes</td></tr>
 *   <tr><td>users add/list/revoke, backup</td><td>yes</td><td>no</td><td>no</td><td>no</td></tr>
 *   <tr><td>break-glass</td><td>yes</td><td>yes</td><td>yes</td><td>no</td></tr>
 * </table>
 *
 * <p>Roles say what a principal may do; access labels ({@link Principal#labels()}) say which
 * documents it may do it to. Break-glass access ({@link SoloClient#breakGlass}) widens what a
 * principal reads, never its role, and changes nothing outside its labels.
 */
public enum Role {
  /** Everything, including users and backups. */
  ADMIN,
  /** Ingest, delete and erase documents, train classifiers, and everything a reader does. */
  WRITER,
  /** Search and read documents, and run inference. */
  READER,
  /** Read and verify the audit trail; nothing else. */
  AUDITOR
}
