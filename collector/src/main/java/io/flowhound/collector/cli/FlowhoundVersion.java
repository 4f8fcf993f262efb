package io.flowhound.collector.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, or "development" when run from classes. */
final class FlowhoundVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = FlowhoundVersion.class.getPackage().getImplementationVersion();
        return new String[] {"flowhound " + (version == null ? "development" : version)};
    }
}
