package io.flowhound.collector.cli;

import sun.misc.Signal;

/**
 * SIGTERM (systemd, container runtimes) and SIGINT (a terminal) ask the daemon to stop. A
 * signal handler rather than a shutdown hook lets the main thread finish its work and return,
 * so the process exits 0 instead of 143 and nothing races the JVM's own shutdown.
 */
final class StopSignals {

    private StopSignals() {
    }

    static void onStop(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> stop.run());
        }
    }
}
