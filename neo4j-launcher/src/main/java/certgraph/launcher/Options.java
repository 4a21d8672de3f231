package certgraph.launcher;

import java.nio.file.Path;

/** Command-line options of the launcher. Deliberately tiny: the Node side owns all policy (ports, paths, heap). */
record Options(
        Path home, int boltPort, int httpPort, String pageCache, boolean watchStdin, long dbAvailableTimeoutMs) {

    /** Loopback only: this is a developer/test database with authentication disabled. */
    static final String BIND_HOST = "127.0.0.1";

    static final String USAGE = "usage: certgraph.launcher.Main --home DIR [--bolt-port 7687] [--http-port 7474]"
            + " [--pagecache 128m] [--no-stdin-watchdog]";

    static Options parse(String[] args) {
        Path home = null;
        int boltPort = 7687;
        int httpPort = 7474;
        String pageCache = "128m";
        boolean watchStdin = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--home" -> home = Path.of(value(args, ++i, arg));
                case "--bolt-port" -> boltPort = port(value(args, ++i, arg), arg);
                case "--http-port" -> httpPort = port(value(args, ++i, arg), arg);
                case "--pagecache" -> pageCache = value(args, ++i, arg);
                // For running the launcher by hand from a shell where stdin may be /dev/null.
                case "--no-stdin-watchdog" -> watchStdin = false;
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        if (home == null) {
            throw new IllegalArgumentException("--home is required");
        }
        if (boltPort == httpPort) {
            throw new IllegalArgumentException("--bolt-port and --http-port must differ");
        }
        return new Options(home, boltPort, httpPort, pageCache, watchStdin, 120_000);
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    private static int port(String text, String name) {
        try {
            int port = Integer.parseInt(text);
            // 0 would make Neo4j advertise port 0 to Browser/drivers; the Node side picks real free ports.
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number 1-65535, got '" + text + "'");
        }
    }
}
