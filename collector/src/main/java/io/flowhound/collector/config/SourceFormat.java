package io.flowhound.collector.config;

/**
 * The flow log format of a source's objects: the {@code format} key of a source. Which of these
 * this build can read is listed in {@link AvailableInThisVersion#FORMATS}.
 */
public enum SourceFormat implements YamlNamed {
    /** AWS VPC Flow Logs, space-separated text (plain or gzip), default or custom field order. */
    AWS_VPC_TEXT("aws_vpc_text"),
    /** AWS VPC Flow Logs delivered to S3 as Apache Parquet. */
    AWS_VPC_PARQUET("aws_vpc_parquet"),
    /** Google Cloud VPC Flow Logs exported from Cloud Logging as JSON lines. */
    GCP_VPC_FLOW("gcp_vpc_flow"),
    /** Google Cloud firewall rules logging exported as JSON lines. */
    GCP_FIREWALL("gcp_firewall"),
    /** Azure network security group flow logs (JSON, version 1 or 2). */
    AZURE_NSG("azure_nsg"),
    /** Azure virtual network flow logs (JSON). */
    AZURE_VNET("azure_vnet"),
    /** Recognise the format of each object from its first bytes. */
    AUTO("auto");

    private final String yamlName;

    SourceFormat(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
