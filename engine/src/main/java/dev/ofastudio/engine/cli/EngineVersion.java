package dev.ofastudio.engine.cli;

import picocli.CommandLine.IVersionProvider;

/** The engine version, read from the jar manifest (falls back to "dev" when run from classes). */
public final class EngineVersion implements IVersionProvider {
    public static String get() {
        String v = EngineVersion.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"ofa-studio engine " + get()};
    }
}
