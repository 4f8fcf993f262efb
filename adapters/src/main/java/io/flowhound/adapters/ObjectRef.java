package io.flowhound.adapters;

/**
 * One object a source can read.
 *
 * @param key          the key (object stores) or path relative to the source root (local folders),
 *                     always with forward slashes
 * @param size         stored size in bytes, as listed (compressed size for compressed objects)
 * @param lastModified epoch milliseconds of the last change, as listed; informational only: an
 *                     object is identified by key plus size or version, never by time alone
 * @param version      ETag, generation or similar; empty where the store has none (local files)
 */
public record ObjectRef(String key, long size, long lastModified, String version) {
}
