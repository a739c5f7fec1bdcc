/*
 * stconfig's converter harness: SeaTunnel's own config loader turns job files into JSON.
 *
 * Run with Java's single-file launcher and the jars stconfig.testing.engine assembles:
 *   java -cp 'LIB/*' tests/engine/ConvertJobs.java MODE < list-of-paths
 * One JVM converts every path read from standard input (one per line) and prints one JSON line
 * per path: {"path": P, "json": OBJECT} or {"path": P, "unresolved": true} or
 * {"path": P, "error": MESSAGE}.
 *
 * MODE "parse" is what the conformance corpus records: the dialect parser, then resolve with
 * unresolved substitutions allowed. MODE "builder" is the starter's whole pipeline
 * (ConfigBuilder.of with no -i variables: variable backfill, placeholders, ConfigShade).
 * Run it with an empty environment: resolution falls back on environment variables.
 */

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;

import org.apache.seatunnel.core.starter.utils.ConfigBuilder;
import org.apache.seatunnel.shade.com.typesafe.config.Config;
import org.apache.seatunnel.shade.com.typesafe.config.ConfigFactory;
import org.apache.seatunnel.shade.com.typesafe.config.ConfigRenderOptions;
import org.apache.seatunnel.shade.com.typesafe.config.ConfigResolveOptions;
import org.apache.seatunnel.shade.com.typesafe.config.ConfigValueFactory;

public final class ConvertJobs {

    private static final ConfigRenderOptions JSON = ConfigRenderOptions.concise();

    private ConvertJobs() {}

    /** A Java string as a JSON string, quoted by the same renderer as the values. */
    private static String quote(String text) {
        return ConfigValueFactory.fromAnyRef(text).render(JSON);
    }

    private static Config load(String mode, Path path) {
        if (mode.equals("builder")) {
            return ConfigBuilder.of(path, Collections.emptyList());
        }
        return ConfigFactory.parseFile(path.toFile())
                .resolve(ConfigResolveOptions.defaults().setAllowUnresolved(true));
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !(args[0].equals("parse") || args[0].equals("builder"))) {
            System.err.println("usage: ConvertJobs parse|builder < paths");
            System.exit(2);
        }
        String mode = args[0];
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        BufferedReader in =
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                continue;
            }
            String head = "{\"path\":" + quote(line) + ",";
            try {
                Config config = load(mode, Paths.get(line));
                if (config.isResolved()) {
                    out.println(head + "\"json\":" + config.root().render(JSON) + "}");
                } else {
                    out.println(head + "\"unresolved\":true}");
                }
            } catch (Exception | LinkageError error) {
                String message = error.getClass().getName() + ": " + error.getMessage();
                out.println(head + "\"error\":" + quote(message) + "}");
            }
        }
        out.flush();
    }
}
