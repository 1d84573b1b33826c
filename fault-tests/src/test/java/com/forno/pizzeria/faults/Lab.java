package com.forno.pizzeria.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The fault lab: a PostgreSQL cluster and a RabbitMQ node of its own (on ports nothing else here uses), the whole
 * stack on them through {@code bin/pizzeria up}, and the means to hurt each part. The machine's PostgreSQL and
 * RabbitMQ are never addressed: every PostgreSQL command names this cluster, every rabbitmqctl this node.
 * <p>
 * {@link #start()} first removes what an aborted run left, {@link #clean()} removes everything again (the stack's
 * processes, the cluster with its data, the node with its data); logs stay under target/. {@code Lab clean}
 * (this class's main) runs the same clean-up from Maven after the tests, in case their JVM died first.
 */
final class Lab {

    /** The instances of the stack, as bin/pizzeria names them. */
    static final List<String> INSTANCES = List.of("users", "orders-1", "orders-2", "stock-1", "stock-2", "payments", "ai");
    /** The queues whose consumers keep the saga moving, and the service that consumes each. */
    static final Map<String, String> WORK_QUEUES = Map.of(
            "stock.commands", "stock", "payments.commands", "payments", "orders.replies", "orders",
            "orders.reporting", "orders");

    private static final Duration COMMAND = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Properties config;
    final Path state;
    final Path rabbitDir;
    final Path reports;
    final Path logs;
    final String pgVersion;
    final String cluster;
    final int pgPort;
    final String node;
    final String db;
    final String vhost;
    final int holdSeconds;
    private final Path launcher;
    private final Path rabbitScript;
    private final Shell shell;
    private Thread cleanUpAtExit;
    private volatile boolean alarmRaised;

    Lab(Properties config) {
        this.config = config;
        this.state = Path.of(config.getProperty("faults.state"));
        this.rabbitDir = Path.of(config.getProperty("faults.rabbitmq.dir"));
        this.reports = Path.of(config.getProperty("faults.reports"));
        this.logs = reports.resolve("logs");
        this.pgVersion = config.getProperty("faults.pg.version");
        this.cluster = config.getProperty("faults.pg.cluster");
        this.pgPort = Integer.parseInt(config.getProperty("faults.pg.port"));
        this.node = config.getProperty("faults.rabbitmq.node");
        this.db = config.getProperty("faults.db");
        this.vhost = config.getProperty("faults.vhost");
        this.holdSeconds = Integer.parseInt(config.getProperty("faults.hold.seconds"));
        this.launcher = Path.of(config.getProperty("faults.launcher"));
        this.rabbitScript = Path.of(config.getProperty("faults.rabbitmq.script"));
        if (cluster.equals("main") || pgPort == 5432 || port("faults.rabbitmq.port") == 5672) {
            throw new IllegalStateException("the fault lab never runs on the machine's PostgreSQL or RabbitMQ");
        }
        this.shell = new Shell(logs, environment());
    }

    /** faults.properties from the classpath (filtered from the pom), each key overridable by a system property. */
    static Lab fromConfig() {
        Properties config = new Properties();
        try (InputStream in = Lab.class.getResourceAsStream("/faults.properties")) {
            config.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("faults."))
                .forEach(name -> config.setProperty(name, System.getProperty(name)));
        return new Lab(config);
    }

    int port(String key) {
        return Integer.parseInt(config.getProperty(key));
    }

    /** `java ... Lab clean`: what Maven runs after the tests. */
    public static void main(String[] args) {
        if (args.length != 1 || !args[0].equals("clean")) {
            System.err.println("usage: Lab clean");
            System.exit(2);
        }
        fromConfig().clean();
    }

    // --- the environment of every command --------------------------------------------------------------------

    /**
     * What bin/pizzeria and the broker script run with. The instances inherit it from `up`, so the MicroProfile
     * Config keys of the test's configuration (a short hold, a quick saga) are set here as environment variables.
     */
    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        // nothing of a developer's own stack settings leaks in
        System.getenv().keySet().stream().filter(name -> name.startsWith("PIZZERIA_") || name.startsWith("IT_RABBITMQ_"))
                .forEach(name -> env.put(name, null));
        env.put("PIZZERIA_STATE_DIR", state.toString());
        env.put("PIZZERIA_DB", db);
        env.put("PIZZERIA_VHOST", vhost);
        env.put("PIZZERIA_HTTP_PORT", config.getProperty("faults.http.port"));
        env.put("PIZZERIA_PORT_BASE", config.getProperty("faults.port.base"));
        env.put("PIZZERIA_PG_PORT", String.valueOf(pgPort));
        env.put("PIZZERIA_AMQP_PORT", config.getProperty("faults.rabbitmq.port"));
        env.put("PIZZERIA_RABBITMQ_NODE", node);
        env.put("PIZZERIA_RABBITMQ_HOME", rabbitDir.resolve("home").toString());
        env.put("PIZZERIA_ADMIN_EMAIL", config.getProperty("faults.admin.email"));
        env.put("PIZZERIA_ADMIN_PASSWORD", config.getProperty("faults.admin.password"));
        env.put("PIZZERIA_PROMETHEUS", "0");
        env.put("PIZZERIA_DEMO_DATA", "0");
        env.put("PIZZERIA_BUILD", "never");
        env.put("PIZZERIA_STOP_ON_FAILURE", "1");
        // 8 customers behind one address, retrying through outages: the gateway's per-address limits are not tested here
        env.put("PIZZERIA_ORDER_RATE", "1000r/s");
        env.put("PIZZERIA_ORDER_BURST", "1000");
        env.put("PIZZERIA_LOGIN_RATE", "100r/s");
        env.put("PIZZERIA_LOGIN_BURST", "100");
        env.put("PIZZERIA_SIGNUP_RATE", "100r/s");
        env.put("PIZZERIA_SIGNUP_BURST", "100");
        // the stream's customers sign in once, before the first fault: their tokens must outlive the suite
        env.put("USERS_JWT_TTL_SECONDS", "3600");
        // a short hold (both stock instances stopped "beyond the hold" in seconds) and a saga that gives up quickly,
        // so that every order is final within the test's bounds when the system does what it should
        env.put("STOCK_RESERVATION_TTL_SECONDS", String.valueOf(holdSeconds));
        env.put("ORDERS_SAGA_HOLD_MARGIN_SECONDS", "5");
        env.put("ORDERS_SAGA_STOCK_TIMEOUT_SECONDS", "10");
        env.put("ORDERS_SAGA_PAYMENT_TIMEOUT_SECONDS", "10");
        env.put("ORDERS_SAGA_MAX_RETRIES", "2");
        // the customers sign in once; the run of every fault takes longer than the default hour
        env.put("USERS_JWT_TTL_SECONDS", "14400");
        // the broker script
        env.put("IT_RABBITMQ_DIR", rabbitDir.toString());
        env.put("IT_RABBITMQ_NODE", node);
        env.put("IT_RABBITMQ_PORT", config.getProperty("faults.rabbitmq.port"));
        return env;
    }

    // --- the lab's life ----------------------------------------------------------------------------------------

    /** A fresh lab: leftovers removed, a new cluster and node, the stack up and ready. */
    void start() {
        deleteTree(logs);
        clean();
        cleanUpAtExit = new Thread(this::clean, "fault-lab-clean-up");
        Runtime.getRuntime().addShutdownHook(cleanUpAtExit);
        shell.logged(COMMAND, "postgres.log", "pg_createcluster", "--start-conf=manual", "-o", "max_connections=150",
                "-p", String.valueOf(pgPort), pgVersion, cluster, "--", "--auth-host=trust", "--auth-local=trust").orThrow();
        postgres("start").orThrow();
        rabbitScript("fresh").orThrow();
        up();
    }

    /** Removes everything of the lab (and of an aborted earlier run); keeps the logs. Idempotent. */
    synchronized void clean() {
        if (cleanUpAtExit != null && Thread.currentThread() != cleanUpAtExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUpAtExit);
            } catch (IllegalStateException exiting) {
                // the JVM is already running the hook
            }
            cleanUpAtExit = null;
        }
        // continue after a failed paused process: SIGCONT first, or `down` waits for a process that cannot stop
        INSTANCES.forEach(this::resume);
        if (Files.exists(launcher)) {
            shell.logged(COMMAND, "stack.log", launcher.toString(), "down");
        }
        if (Files.isDirectory(Path.of("/etc/postgresql", pgVersion, cluster))) {
            copyQuietly(Path.of("/var/log/postgresql", "postgresql-" + pgVersion + "-" + cluster + ".log"),
                    logs.resolve("postgresql.log"));
            shell.logged(COMMAND, "postgres.log", "pg_dropcluster", "--stop", pgVersion, cluster);
        }
        rabbitScript("stop");
        copyQuietly(rabbitDir.resolve("log").resolve(node + ".log"), logs.resolve("rabbitmq.log"));
        deleteTree(rabbitDir);
        // the stack's unpacked runtimes (hundreds of MB); its logs, pids and settings stay for a look afterwards
        deleteTree(state.resolve("run"));
        deleteTree(state.resolve("wars"));
    }

    // --- PostgreSQL ----------------------------------------------------------------------------------------------

    /** pg_ctlcluster on this lab's cluster: start, stop -m fast, restart -m immediate... */
    Shell.Result postgres(String... action) {
        List<String> command = new ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect", pgVersion, cluster));
        command.addAll(List.of(action));
        return shell.logged(COMMAND, "postgres.log", command.toArray(String[]::new));
    }

    boolean postgresReady() {
        return shell.run(Duration.ofSeconds(10), "pg_isready", "-q", "-h", "127.0.0.1", "-p", String.valueOf(pgPort)).ok();
    }

    /** The stack's database, as the cluster's superuser (the cluster trusts local connections). */
    Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/" + db
                + "?user=postgres&connectTimeout=5&socketTimeout=60&ApplicationName=fault-tests");
    }

    // --- RabbitMQ ------------------------------------------------------------------------------------------------

    Shell.Result rabbitScript(String command) {
        return shell.logged(COMMAND, "rabbitmq.log", rabbitScript.toString(), command);
    }

    /** rabbitmqctl against this lab's node only (its own cookie, under the node's directory). */
    Shell.Result rabbitmqctl(String... args) {
        List<String> command = new ArrayList<>(List.of("env", "HOME=" + rabbitDir.resolve("home"),
                "/usr/lib/rabbitmq/bin/rabbitmqctl", "-n", node));
        command.addAll(List.of(args));
        return shell.logged(Duration.ofSeconds(60), "rabbitmq.log", command.toArray(String[]::new));
    }

    boolean rabbitRunning() {
        return rabbitmqctl("-q", "ping").ok();
    }

    /** The node's OS process (beam.smp), from the pid file the broker script has it write. */
    long rabbitPid() {
        try {
            return Long.parseLong(Files.readString(rabbitDir.resolve("node.pid")).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** A queue's depth and consumers, as the broker counts them. */
    record QueueState(long messages, int consumers) {
    }

    /** Every queue of the stack's vhost; empty when the broker cannot be asked. */
    Map<String, QueueState> queues() {
        Shell.Result listed = rabbitmqctl("-q", "list_queues", "-p", vhost, "--no-table-headers", "name", "messages", "consumers");
        Map<String, QueueState> queues = new LinkedHashMap<>();
        if (!listed.ok()) {
            return queues;
        }
        for (String line : listed.output().split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 3 && fields[1].matches("\\d+") && fields[2].matches("\\d+")) {
                queues.put(fields[0], new QueueState(Long.parseLong(fields[1]), Integer.parseInt(fields[2])));
            }
        }
        return queues;
    }

    /** A memory alarm: a watermark so low that the node blocks every publisher, or back to RabbitMQ's default. */
    void memoryAlarm(boolean raised) {
        alarmRaised |= raised; // cleared only once the broker said so
        rabbitmqctl("set_vm_memory_high_watermark", raised ? "0.000001" : "0.4").orThrow();
        alarmRaised = raised;
    }

    /** Whether this lab raised the alarm and has not cleared it (a fault that failed half-way). */
    boolean memoryAlarmRaised() {
        return alarmRaised;
    }

    // --- faults that last a while: the stream goes on meanwhile ------------------------------------------------

    /** PostgreSQL stopped (-m fast: its clients disconnected) for the duration, then started again. */
    void postgresStoppedFor(Duration duration) throws InterruptedException {
        postgres("stop", "-m", "fast").orThrow();
        try {
            lasting(duration);
        } finally {
            postgres("start").orThrow();
        }
    }

    /** The node's memory alarm raised for the duration (every publisher blocked), then cleared. */
    void memoryAlarmFor(Duration duration) throws InterruptedException {
        memoryAlarm(true);
        try {
            lasting(duration);
        } finally {
            memoryAlarm(false);
        }
    }

    /** The instance paused (SIGSTOP: it holds its connections and answers nothing) for the duration, then SIGCONT. */
    void pausedFor(String instance, Duration duration) throws InterruptedException {
        signal(instance, "STOP");
        try {
            lasting(duration);
        } finally {
            signal(instance, "CONT");
        }
    }

    /** The instances stopped together as an operator stops them (TERM) for the duration, then started (`up`). */
    void stoppedFor(List<String> instances, Duration duration) throws InterruptedException {
        instances.stream().map(instance -> CompletableFuture.runAsync(() -> stop(instance))).toList()
                .forEach(CompletableFuture::join);
        try {
            lasting(duration);
        } finally {
            up();
        }
    }

    /** How long a fault lasts: a wait for nothing but the clock (the stream goes on meanwhile). */
    private static void lasting(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    // --- the stack -----------------------------------------------------------------------------------------------

    /**
     * `bin/pizzeria up`: starts whatever instance is not running and waits until every one is ready. Tried twice: on
     * this shared machine an instance now and then fails to start for reasons of its own (a port taken meanwhile by
     * another process); an instance that cannot start after a fault fails the second time too.
     */
    void up() {
        Shell.Result first = shell.logged(Duration.ofSeconds(600), "stack.log", launcher.toString(), "up");
        if (!first.ok()) {
            System.out.println("bin/pizzeria up failed once (see " + logs.resolve("stack.log") + "); trying again");
            shell.logged(Duration.ofSeconds(600), "stack.log", launcher.toString(), "up").orThrow();
        }
    }

    Properties stack() {
        Properties stack = new Properties();
        try (InputStream in = Files.newInputStream(state.resolve("stack.properties"))) {
            stack.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stack;
    }

    URI gateway() {
        return URI.create("http://127.0.0.1:" + config.getProperty("faults.http.port") + "/");
    }

    URI instance(String instance) {
        return URI.create(stack().getProperty("instance." + instance) + "/");
    }

    /** The instance's pid while its process runs, else -1. */
    long pid(String instance) {
        try {
            long pid = Long.parseLong(Files.readString(state.resolve("pids").resolve(instance + ".pid")).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? pid : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    boolean ready(String instance) {
        return answers(instance(instance).resolve("health/ready"));
    }

    boolean gatewayReady() {
        return answers(gateway().resolve("gateway/health"));
    }

    private static boolean answers(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** kill -SIGNAL of an instance's process (KILL, STOP, CONT, TERM). */
    void signal(String instance, String signal) {
        long pid = pid(instance);
        if (pid < 0) {
            throw new IllegalStateException(instance + " is not running");
        }
        shell.run(Duration.ofSeconds(10), "kill", "-" + signal, String.valueOf(pid)).orThrow();
    }

    /** SIGCONT, whether or not the instance was paused; nothing when it is not running. */
    void resume(String instance) {
        long pid = pid(instance);
        if (pid > 0) {
            shell.run(Duration.ofSeconds(10), "kill", "-CONT", String.valueOf(pid));
        }
    }

    /** Stops an instance as an operator would (TERM), and KILLs it if it has not ended within 30 s. */
    void stop(String instance) {
        long pid = pid(instance);
        if (pid < 0) {
            return;
        }
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            process.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** kill -9, and wait until the process is gone. */
    void kill(long pid) {
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().join();
        });
    }

    /** The jstack of every running instance, into the directory (what each thread waited for, at that moment). */
    void threadDumps(Path directory) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        for (String instance : INSTANCES) {
            long pid = pid(instance);
            if (pid > 0) {
                Shell.Result dump = shell.run(Duration.ofSeconds(30), jcmd, String.valueOf(pid), "Thread.print");
                Shell.append(directory.resolve("threads-" + instance + ".txt"), dump.output());
            }
        }
    }

    /** The Java logs of the instances (bin/pizzeria keeps the previous one of a restarted instance as .log.1). */
    Path instanceLog(String instance) {
        return state.resolve("logs").resolve(instance + ".log");
    }

    // --- files -------------------------------------------------------------------------------------------------------

    private static void copyQuietly(Path from, Path to) {
        try {
            if (Files.exists(from)) {
                Files.createDirectories(to.getParent());
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("could not keep " + from + ": " + e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
