package certgraph.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.server.CommunityBootstrapper;

/**
 * Starts a real Neo4j Community server (the same {@link CommunityBootstrapper} that {@code bin/neo4j console}
 * runs) with a generated neo4j.conf, for certgraph's local development and integration tests.
 *
 * <p>Protocol with the Node parent (src/neo4j/local-neo4j.ts):
 * <ul>
 *   <li>stdout carries exactly one line, {@code CERTGRAPH_NEO4J_READY bolt=... http=...}, once the default
 *       database accepts transactions. Everything Neo4j itself prints goes to stderr (and HOME/logs/).</li>
 *   <li>SIGTERM/SIGINT: Neo4j's own shutdown hook (installed by the bootstrapper) stops the DBMS cleanly.</li>
 *   <li>stdin EOF: the parent has gone away (or closed the pipe), so we exit the same clean way instead of
 *       lingering as an orphan that holds the ports and the store lock.</li>
 * </ul>
 *
 * <p>Exit codes: 0 clean stop, 2 bad arguments, 3..6 Neo4j bootstrapper failures (2 + its code), 7 data
 * directory in use by another running Neo4j, 8 default database did not become available.
 */
public final class Main {
    static final String READY_MARKER = "CERTGRAPH_NEO4J_READY";

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("certgraph neo4j launcher: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }

        // Keep the real stdout for the READY line only; Neo4j's console logging (and anything else that
        // writes to System.out) goes to stderr so the parent never has to parse log noise.
        PrintStream protocolOut = System.out;
        System.setOut(System.err);

        if (options.watchStdin()) {
            startStdinWatchdog();
        }

        Path home = options.home().toAbsolutePath().normalize();
        // Fail fast (and before overwriting its neo4j.conf) if another live Neo4j owns this home.
        String owner = runningOwner(home);
        if (owner != null) {
            System.err.println("certgraph neo4j launcher: " + home + " is already used by a running Neo4j ("
                    + owner + "). Stop that one or use another data directory.");
            System.exit(7);
            return;
        }
        clearPrivateTmpDir(home);
        Path confFile = Neo4jConf.write(home, options);
        System.err.println("certgraph neo4j launcher: home=" + home + " conf=" + confFile);

        CommunityBootstrapper bootstrapper = new CommunityBootstrapper();
        // daemonMode=false keeps Neo4j's console log appender (→ our stderr) in addition to HOME/logs/.
        int rc = bootstrapper.start(home, confFile, Map.of(), false, false);
        if (rc != 0) {
            System.err.println("certgraph neo4j launcher: Neo4j failed to start (bootstrapper exit code " + rc
                    + "); see the messages above and " + home.resolve("logs") + ".");
            bootstrapper.stop();
            System.exit(2 + rc); // 3..6, distinct from our own argument errors
            return;
        }

        GraphDatabaseService db = bootstrapper
                .getDatabaseManagementService()
                .database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        // Startup of the default database can lag behind the DBMS (e.g. recovery after a crash).
        if (!db.isAvailable(options.dbAvailableTimeoutMs())) {
            System.err.println("certgraph neo4j launcher: database '" + db.databaseName() + "' did not become"
                    + " available within " + options.dbAvailableTimeoutMs() + " ms.");
            System.exit(8); // the shutdown hook stops Neo4j
            return;
        }

        // Report the addresses actually bound (not just configured) so a mismatch would show up here.
        ConnectorPortRegister ports = ((GraphDatabaseAPI) db).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class);
        String bolt = "bolt://" + hostPort(ports.getLocalAddress(ConnectorType.BOLT), options.boltPort());
        String http = "http://" + hostPort(ports.getLocalAddress(ConnectorType.HTTP), options.httpPort());
        protocolOut.println(READY_MARKER + " bolt=" + bolt + " http=" + http + " home=" + home);
        protocolOut.flush();

        // Neo4j's own threads keep the JVM alive, but don't rely on it: park main until the JVM exits.
        new CountDownLatch(1).await();
    }

    private static String hostPort(HostnamePort bound, int configuredPort) {
        int port = bound != null ? bound.getPort() : configuredPort;
        return Options.BIND_HOST + ":" + port;
    }

    /** Describes the live process named in HOME/run/neo4j.pid (written by Neo4j), or null if there is none. */
    private static String runningOwner(Path home) {
        try {
            long pid = Long.parseLong(Files.readString(home.resolve("run").resolve("neo4j.pid")).trim());
            // A pid file left behind by a killed JVM may name an unrelated, reused pid: only trust Java processes.
            return ProcessHandle.of(pid)
                    .filter(p -> p.pid() != ProcessHandle.current().pid())
                    .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                    .map(p -> "pid " + p.pid())
                    .orElse(null);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * The Node side points java.io.tmpdir at HOME/tmp so scratch files (e.g. Jetty's directory for the Browser
     * jar) stay inside the instance and vanish with a throwaway home. Files left there by a killed JVM are
     * removed here; we only ever delete below HOME, and only after checking no live Neo4j uses it.
     */
    private static void clearPrivateTmpDir(Path home) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (!tmp.startsWith(home) || tmp.equals(home) || !Files.isDirectory(tmp)) {
            return;
        }
        try (var paths = Files.walk(tmp)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(tmp)) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** Exits (running Neo4j's shutdown hook) when stdin reaches EOF, i.e. when the parent process is gone. */
    private static void startStdinWatchdog() {
        Thread watchdog = new Thread(
                () -> {
                    InputStream in = System.in;
                    byte[] buffer = new byte[256];
                    try {
                        while (in.read(buffer) != -1) {
                            // Input is ignored; we only care about the pipe closing.
                        }
                    } catch (IOException ignored) {
                        // A broken pipe means the same thing as EOF.
                    }
                    System.err.println("certgraph neo4j launcher: stdin closed, shutting down Neo4j.");
                    System.exit(0);
                },
                "certgraph-stdin-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private Main() {}
}
