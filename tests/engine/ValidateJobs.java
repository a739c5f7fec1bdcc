/*
 * stconfig's validation harness: SeaTunnel 2.3.8's own job parser judges each plugin block.
 *
 * Run by stconfig.testing.validate with Java's single-file launcher, the engine's lib/ on the
 * class path, SEATUNNEL_HOME pointing at a home whose connectors/ holds the available connector
 * jars, and -Djava.security.manager=allow (the outside-world guard below):
 *   java -Djava.security.manager=allow -cp 'LIB/*' ValidateJobs.java TIMEOUT_MS < paths
 * One JVM reads every path on standard input (one per line) and prints one JSON line per
 * verdict: {"path","block","kind","plugin","check","verdict","exception","message"}.
 *
 * Per file it does what MultipleTableJobConfigParser.parse() does, one block at a time, with
 * the engine's own methods: ConfigBuilder.of (the client's loader), the env step
 * (fillJobConfigAndCommonJars), the connector jars from the plugin mapping, checkGraph, then
 * parseSource / parseTransforms / parseSink in the engine's order. The check kind of a block
 * comes from the engine's own isFallback: "option_rule" (factory path: ConfigValidator with
 * the factory's optionRule, then the factory's create), "prepare" (legacy path: the plugin's
 * prepare(Config)), "none" (no plugin at all).
 *
 * Verdicts: accepted; refused (an exception from the engine's checks); outside (the block's
 * checks passed and the plugin went on to open a socket, write or delete a file or start a
 * process: the guard stops it there); not_checkable (connector jar not available, time limit,
 * or an upstream block was refused, in which case only the option rule is checked).
 */

import java.io.BufferedReader;
import java.io.FilePermission;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.SocketPermission;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.Permission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.apache.seatunnel.api.configuration.ReadonlyConfig;
import org.apache.seatunnel.api.configuration.util.ConfigValidator;
import org.apache.seatunnel.api.configuration.util.OptionRule;
import org.apache.seatunnel.api.table.factory.Factory;
import org.apache.seatunnel.api.table.factory.FactoryUtil;
import org.apache.seatunnel.api.table.factory.TableSinkFactory;
import org.apache.seatunnel.api.table.factory.TableSourceFactory;
import org.apache.seatunnel.api.table.factory.TableTransformFactory;
import org.apache.seatunnel.api.common.JobContext;
import org.apache.seatunnel.common.config.TypesafeConfigUtils;
import org.apache.seatunnel.core.starter.utils.ConfigBuilder;
import org.apache.seatunnel.engine.common.config.JobConfig;
import org.apache.seatunnel.engine.common.loader.SeaTunnelChildFirstClassLoader;
import org.apache.seatunnel.engine.common.utils.IdGenerator;
import org.apache.seatunnel.engine.core.parse.ConfigParserUtil;
import org.apache.seatunnel.engine.core.parse.MultipleTableJobConfigParser;
import org.apache.seatunnel.shade.com.typesafe.config.Config;
import org.apache.seatunnel.shade.com.typesafe.config.ConfigRenderOptions;
import org.apache.seatunnel.shade.com.typesafe.config.ConfigValueFactory;

public final class ValidateJobs {

    private static final ConfigRenderOptions JSON = ConfigRenderOptions.concise();

    /** Stops a plugin at its first step into the outside world, and says what it was. */
    static final class Guard extends SecurityManager {
        /** The step a thread works for: the step's worker and the threads it starts. */
        static final InheritableThreadLocal<Long> STEP = new InheritableThreadLocal<>();

        volatile boolean armed;
        volatile long step;
        volatile String touched;

        @Override
        public void checkPermission(Permission permission) {
            check(permission);
        }

        @Override
        public void checkPermission(Permission permission, Object context) {
            check(permission);
        }

        private void check(Permission permission) {
            if (!armed) {
                return;
            }
            String what = null;
            if (permission instanceof SocketPermission) {
                what = "network " + permission.getActions() + " " + permission.getName();
            } else if (permission instanceof FilePermission) {
                String actions = permission.getActions();
                if (actions.contains("write")
                        || actions.contains("delete")
                        || actions.contains("execute")) {
                    what = "file " + actions + " " + permission.getName();
                }
            } else if (permission instanceof RuntimePermission
                    && permission.getName().startsWith("exitVM")) {
                what = "System.exit";
            }
            if (what != null) {
                // A thread an earlier block left behind (a client retrying its host) is
                // stopped too, but its touch is not this block's.
                Long owner = STEP.get();
                if (touched == null && owner != null && owner == step) {
                    touched = what;
                }
                throw new SecurityException("stconfig guard: " + what);
            }
        }
    }

    private static final Guard GUARD = new Guard();

    private final PrintStream out;
    private final long timeoutMillis;
    private final Path connectors;
    private final Map<String, String> mapping = new HashMap<>();

    private ValidateJobs(PrintStream out, long timeoutMillis) throws Exception {
        this.out = out;
        this.timeoutMillis = timeoutMillis;
        String home = System.getProperty("SEATUNNEL_HOME", System.getenv("SEATUNNEL_HOME"));
        this.connectors = Paths.get(home, "connectors");
        Properties properties = new Properties();
        try (java.io.Reader reader =
                Files.newBufferedReader(connectors.resolve("plugin-mapping.properties"))) {
            properties.load(reader);
        }
        for (String key : properties.stringPropertyNames()) {
            mapping.put(key.toLowerCase(Locale.ROOT), properties.getProperty(key).trim());
        }
    }

    private static String quote(String text) {
        return ConfigValueFactory.fromAnyRef(text == null ? "" : text).render(JSON);
    }

    private void emit(
            String path,
            String block,
            String kind,
            String plugin,
            String check,
            String verdict,
            Throwable error,
            String note) {
        StringBuilder line = new StringBuilder("{\"path\":").append(quote(path));
        line.append(",\"block\":").append(quote(block));
        line.append(",\"kind\":").append(quote(kind));
        line.append(",\"plugin\":").append(quote(plugin));
        line.append(",\"check\":").append(quote(check));
        line.append(",\"verdict\":").append(quote(verdict));
        if (error != null) {
            line.append(",\"exception\":").append(quote(error.getClass().getName()));
            line.append(",\"message\":").append(quote(describe(error)));
        }
        if (note != null) {
            line.append(",\"note\":").append(quote(note));
        }
        out.println(line.append('}'));
        out.flush();
    }

    /** The exception's message and its causes' messages, the way a user reads a stack. */
    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        Throwable cause = error.getCause();
        for (int depth = 0; cause != null && cause != error && depth < 5; depth++) {
            text.append(" | caused by ")
                    .append(cause.getClass().getName())
                    .append(": ")
                    .append(cause.getMessage());
            error = cause;
            cause = cause.getCause();
        }
        return text.length() > 2000 ? text.substring(0, 2000) : text.toString();
    }

    private static Throwable unwrap(Throwable error) {
        while ((error instanceof InvocationTargetException || error instanceof ExecutionException)
                && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }

    /** The outcome of one guarded step: null error = accepted. */
    static final class Outcome {
        Throwable error;
        String touched;
        boolean timedOut;
    }

    private Outcome guarded(Callable<Object> step) {
        ExecutorService worker =
                Executors.newSingleThreadExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "stconfig-validate");
                            thread.setDaemon(true);
                            thread.setContextClassLoader(
                                    Thread.currentThread().getContextClassLoader());
                            return thread;
                        });
        Outcome outcome = new Outcome();
        GUARD.touched = null;
        GUARD.step++;
        Guard.STEP.set(GUARD.step); // inherited by the worker created below and its threads
        GUARD.armed = true;
        try {
            Future<Object> future = worker.submit(step);
            future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException error) {
            outcome.timedOut = true;
        } catch (Throwable error) {
            outcome.error = unwrap(error);
        } finally {
            GUARD.armed = false;
            outcome.touched = GUARD.touched;
            worker.shutdownNow();
        }
        return outcome;
    }

    private void report(
            String path, String block, String kind, String plugin, String check, Outcome o) {
        if (o.touched != null) {
            emit(path, block, kind, plugin, check, "outside", o.error, o.touched);
        } else if (o.timedOut) {
            String note = "time limit of " + timeoutMillis + " ms";
            emit(path, block, kind, plugin, check, "not_checkable", null, note);
        } else if (o.error != null) {
            String environment = environmental(o.error);
            if (environment == null) {
                emit(path, block, kind, plugin, check, "refused", o.error, null);
            } else if (environment.startsWith("needs")) {
                emit(path, block, kind, plugin, check, "not_checkable", o.error, environment);
            } else {
                emit(path, block, kind, plugin, check, "outside", o.error, environment);
            }
        } else {
            emit(path, block, kind, plugin, check, "accepted", null, null);
        }
    }

    /**
     * Why a failure says nothing about the block's configuration, or null when it does: the
     * option rule refused it (always a refusal), the plugin went on to read a file or reach a
     * host that this machine does not have ("outside"), or it needs a jar that a deployment
     * supplies itself, such as a JDBC driver ("needs ...": not checkable here).
     */
    private static String environmental(Throwable error) {
        String found = null;
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String type = cause.getClass().getName();
            String message = String.valueOf(cause.getMessage());
            if (type.endsWith("OptionValidationException")) {
                return null;
            }
            if (found != null) {
                continue;
            }
            if (cause instanceof ClassNotFoundException || cause instanceof NoClassDefFoundError) {
                found = "needs a jar the deployment supplies: " + message;
            } else if (message.contains("unable to resolve class")) {
                found = "needs a jar the deployment supplies (code compiled by the plugin): "
                        + message.substring(0, Math.min(300, message.length()));
            } else if (message.startsWith("No suitable driver found")) {
                found = "needs a JDBC driver the deployment supplies: " + message;
            } else if (cause instanceof java.io.FileNotFoundException
                    || cause instanceof java.nio.file.NoSuchFileException
                    || cause instanceof java.net.UnknownHostException
                    || cause instanceof java.net.ConnectException
                    || type.endsWith(".NoSuchTableException")) {
                found = "read the outside world: " + type + ": " + message;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return found;
    }

    private static Object call(Object target, String name, Object... arguments) throws Exception {
        Class<?> type = target instanceof Class ? (Class<?>) target : target.getClass();
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
                method.setAccessible(true);
                return method.invoke(target instanceof Class ? null : target, arguments);
            }
        }
        throw new NoSuchMethodException(name);
    }

    /** The engine's isFallback: true means the legacy path (the plugin's prepare). */
    private static <T extends Factory> boolean fallback(
            ClassLoader loader, Class<T> type, String id, Consumer<T> creator) throws Exception {
        return (Boolean)
                call(MultipleTableJobConfigParser.class, "isFallback", loader, type, id, creator);
    }

    /** Null when the block's connector jar is present (or the plugin is not mapped at all). */
    private String missingJar(String kind, String plugin) {
        if (kind.equals("transform")) {
            return null;
        }
        String artifact = mapping.get(("seatunnel." + kind + "." + plugin).toLowerCase(Locale.ROOT));
        if (artifact == null) {
            return null;
        }
        try (java.util.stream.Stream<Path> jars = Files.list(connectors)) {
            boolean found =
                    jars.anyMatch(jar -> jar.getFileName().toString().startsWith(artifact + "-2"));
            return found ? null : "connector jar " + artifact + " is not available";
        } catch (java.io.IOException error) {
            return error.toString();
        }
    }

    private static List<? extends Config> blocks(Config config, String kind) {
        return TypesafeConfigUtils.getConfigList(config, kind, Collections.emptyList());
    }

    private void validate(String path) throws Exception {
        Config config;
        JobConfig jobConfig = new JobConfig();
        jobConfig.setJobContext(new JobContext(1L));
        MultipleTableJobConfigParser parser;
        try {
            config = ConfigBuilder.of(Paths.get(path), Collections.emptyList());
            parser =
                    new MultipleTableJobConfigParser(
                            config, new IdGenerator(), jobConfig, new ArrayList<>(), false);
        } catch (Exception | LinkageError error) {
            emit(path, "load", "file", "", "load", "refused", unwrap(error), null);
            return;
        }
        try {
            call(parser, "fillJobConfigAndCommonJars");
            emit(path, "env", "env", "", "env", "accepted", null, null);
        } catch (Exception error) {
            emit(path, "env", "env", "", "env", "refused", unwrap(error), null);
            return;
        }
        List<? extends Config> sources;
        List<? extends Config> transforms;
        List<? extends Config> sinks;
        try {
            sources = blocks(config, "source");
            transforms = blocks(config, "transform");
            sinks = blocks(config, "sink");
        } catch (Exception error) {
            emit(path, "load", "file", "", "load", "refused", unwrap(error), null);
            return;
        }
        List<URL> jars = new ArrayList<>();
        try {
            Object found = call(parser, "getConnectorJarList", sources, transforms, sinks);
            for (Object url : (List<?>) found) {
                jars.add((URL) url);
            }
        } catch (Exception error) {
            emit(path, "jars", "file", "", "plugin_mapping", "refused", unwrap(error), null);
            return;
        }
        ClassLoader parent = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = new SeaTunnelChildFirstClassLoader(jars, parent);
        Thread.currentThread().setContextClassLoader(loader);
        try {
            try {
                ConfigParserUtil.checkGraph(sources, transforms, sinks);
                emit(path, "graph", "graph", "", "graph", "accepted", null, null);
            } catch (Exception error) {
                emit(path, "graph", "graph", "", "graph", "refused", unwrap(error), null);
                return;
            }
            LinkedHashMap<String, List<scala.Tuple2<Object, Object>>> tables = new LinkedHashMap<>();
            boolean upstreamOk = true;
            for (int index = 0; index < sources.size(); index++) {
                upstreamOk &= source(path, parser, loader, index, sources.get(index), tables);
            }
            for (int index = 0; index < transforms.size(); index++) {
                upstreamOk &=
                        transform(path, parser, loader, index, transforms.get(index), tables, upstreamOk);
            }
            for (int index = 0; index < sinks.size(); index++) {
                sink(path, parser, loader, index, sinks.get(index), tables, upstreamOk);
            }
        } finally {
            Thread.currentThread().setContextClassLoader(parent);
        }
    }

    private static String pluginName(Config block) {
        try {
            return ConfigParserUtil.getFactoryId(block);
        } catch (Exception error) {
            return "";
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean source(
            String path,
            MultipleTableJobConfigParser parser,
            ClassLoader loader,
            int index,
            Config block,
            LinkedHashMap tables)
            throws Exception {
        String name = "source[" + index + "]";
        String plugin = pluginName(block);
        String missing = missingJar("source", plugin);
        if (missing != null) {
            emit(path, name, "source", plugin, "", "not_checkable", null, missing);
            return false;
        }
        boolean legacy =
                fallback(
                        loader,
                        TableSourceFactory.class,
                        plugin,
                        (TableSourceFactory factory) -> factory.createSource(null));
        String check = legacy ? legacyCheck(block, "source") : "option_rule";
        Outcome outcome =
                guarded(
                        () -> {
                            scala.Tuple2 result = parser.parseSource(index, block, loader);
                            tables.put(result._1(), result._2());
                            return null;
                        });
        report(path, name, "source", plugin, check, outcome);
        return outcome.error == null && outcome.touched == null && !outcome.timedOut;
    }

    /** "prepare" when a legacy plugin class exists under that name, else "none". */
    private String legacyCheck(Config block, String kind) {
        String artifact =
                mapping.get(("seatunnel." + kind + "." + pluginName(block)).toLowerCase(Locale.ROOT));
        return artifact == null ? "none" : "prepare";
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean transform(
            String path,
            MultipleTableJobConfigParser parser,
            ClassLoader loader,
            int index,
            Config block,
            LinkedHashMap tables,
            boolean upstreamOk) {
        String name = "transform[" + index + "]";
        String plugin = pluginName(block);
        Optional<TableTransformFactory> factory =
                FactoryUtil.discoverOptionalFactory(loader, TableTransformFactory.class, plugin);
        String check = factory.isPresent() ? "option_rule" : "none";
        if (!upstreamOk) {
            return ruleOnly(path, name, "transform", plugin, block, factory.map(f -> f.optionRule()));
        }
        Outcome outcome =
                guarded(
                        () -> {
                            parser.parseTransforms(Collections.singletonList(block), loader, tables);
                            return null;
                        });
        report(path, name, "transform", plugin, check, outcome);
        return outcome.error == null && outcome.touched == null && !outcome.timedOut;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void sink(
            String path,
            MultipleTableJobConfigParser parser,
            ClassLoader loader,
            int index,
            Config block,
            LinkedHashMap tables,
            boolean upstreamOk)
            throws Exception {
        String name = "sink[" + index + "]";
        String plugin = pluginName(block);
        String missing = missingJar("sink", plugin);
        if (missing != null) {
            emit(path, name, "sink", plugin, "", "not_checkable", null, missing);
            return;
        }
        boolean legacy =
                fallback(
                        loader,
                        TableSinkFactory.class,
                        plugin,
                        (TableSinkFactory factory) -> factory.createSink(null));
        String check = legacy ? legacyCheck(block, "sink") : "option_rule";
        if (!upstreamOk) {
            if (legacy) {
                emit(path, name, "sink", plugin, check, "not_checkable", null, "upstream refused");
            } else {
                Optional<TableSinkFactory> factory =
                        FactoryUtil.discoverOptionalFactory(loader, TableSinkFactory.class, plugin);
                ruleOnly(path, name, "sink", plugin, block, factory.map(f -> f.optionRule()));
            }
            return;
        }
        Outcome outcome =
                guarded(
                        () -> {
                            parser.parseSink(index, block, loader, tables);
                            return null;
                        });
        report(path, name, "sink", plugin, check, outcome);
    }

    /** Upstream refused: the engine never reaches this block; check its option rule alone. */
    private boolean ruleOnly(
            String path,
            String name,
            String kind,
            String plugin,
            Config block,
            Optional<OptionRule> rule) {
        if (!rule.isPresent()) {
            emit(path, name, kind, plugin, "none", "not_checkable", null, "upstream refused");
            return false;
        }
        try {
            ConfigValidator.of(ReadonlyConfig.fromConfig(block)).validate(rule.get());
        } catch (Exception error) {
            emit(path, name, kind, plugin, "option_rule", "refused", error, "option rule only");
            return false;
        }
        emit(path, name, kind, plugin, "option_rule", "not_checkable", null, "upstream refused");
        return false;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ValidateJobs TIMEOUT_MS < paths");
            System.exit(2);
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, "UTF-8");
        // Plugins print to System.out; only this harness's lines go to the real standard output.
        System.setOut(new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, "UTF-8"));
        ValidateJobs harness = new ValidateJobs(out, Long.parseLong(args[0]));
        System.setSecurityManager(GUARD);
        BufferedReader in =
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                continue;
            }
            try {
                harness.validate(line);
            } catch (Throwable error) {
                harness.emit(line, "harness", "file", "", "", "not_checkable", unwrap(error), "harness error");
            }
            out.println("{\"path\":" + quote(line) + ",\"done\":true}");
            out.flush();
        }
        out.flush();
        Runtime.getRuntime().halt(0);
    }
}
