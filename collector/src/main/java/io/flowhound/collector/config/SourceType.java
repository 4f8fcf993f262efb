package io.flowhound.collector.config;

/**
 * Where a source reads its log objects from: the {@code type} key of a source. Which of these this
 * build can read is listed in {@link AvailableInThisVersion#SOURCE_TYPES}.
 */
public enum SourceType implements YamlNamed {
    /** A folder (or one file) on the local file system. */
    LOCAL("local"),
    /** An Amazon S3 bucket. */
    S3("s3"),
    /** A Google Cloud Storage bucket. */
    GCS("gcs"),
    /** An Azure Blob Storage container. */
    AZURE_BLOB("azure_blob");

    private final String yamlName;

    SourceType(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
