package certgraph.launcher;

import static org.neo4j.configuration.SettingImpl.newBuilder;
import static org.neo4j.configuration.SettingValueParsers.BOOL;

import org.neo4j.configuration.Description;
import org.neo4j.configuration.SettingsDeclaration;
import org.neo4j.graphdb.config.Setting;

/**
 * Declares the Browser setting that Community Edition leaves out, so that the local Neo4j can keep
 * Neo4j Browser offline. Browser reads its settings through {@code dbms.clientConfig()}, which
 * returns {@code browser.allow_outgoing_connections} whenever the running configuration declares it;
 * only Enterprise declares it, and strict validation rejects an undeclared one. Declared here (found
 * by Neo4j's service loader through META-INF/services), Browser gets {@code false} and stops loading
 * web fonts, the Segment and Canny scripts and Sentry.
 */
public final class BrowserSettings implements SettingsDeclaration {
    @Description("Whether Neo4j Browser may contact hosts other than this server (declared by certgraph).")
    public static final Setting<Boolean> allow_outgoing_connections =
            newBuilder("browser.allow_outgoing_connections", BOOL, true).build();
}
