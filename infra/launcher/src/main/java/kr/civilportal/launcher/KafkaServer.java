package kr.civilportal.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * One Apache Kafka broker in KRaft mode (broker and controller in one process), a JVM of its own started from this
 * module's class path ({@code org.apache.kafka:kafka_2.13}), so a test can kill it with SIGKILL or stop it and start
 * it again like any app replica.
 *
 * <p>Its storage is formatted once ({@code kafka.tools.StorageTool format --standalone}, a new cluster id) in
 * {@code dataDir}; later starts find {@code meta.properties} there and keep every record. Topics are never created by
 * producing to them ({@code auto.create.topics.enable=false}): {@link #createTopics} makes them, idempotently.
 */
public final class KafkaServer implements AutoCloseable {

    /** The portal's topics, made at every start (each: 3 partitions, replication 1 on the one broker). */
    public static final List<String> PORTAL_TOPICS = List.of("residency.events", "passport.events",
            "land-registry.events", "emergency-report.events");
    public static final int PARTITIONS = 3;

    static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");
    private static final Duration FORMAT_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(250);

    private final ChildProcess process;
    private final int port;
    private final Path dataDir;

    private KafkaServer(ChildProcess process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    /**
     * Formats {@code dataDir} if it holds no broker yet (wiping it first when {@code clean}), then starts the broker
     * on {@code port} (clients) and {@code controllerPort} (the KRaft quorum) without waiting: call
     * {@link #awaitReady(Duration)}.
     */
    public static KafkaServer start(Path dataDir, int port, int controllerPort, boolean clean, Path logDir,
                                    Path runDir) {
        try {
            if (clean) {
                Folders.deleteRecursively(dataDir);
            }
            Files.createDirectories(dataDir);
            Path config = dataDir.resolveSibling(dataDir.getFileName() + ".properties");
            Files.writeString(config, serverProperties(dataDir, port, controllerPort), StandardCharsets.UTF_8);
            String name = "kafka-" + port;
            if (!Files.isRegularFile(dataDir.resolve("meta.properties"))) {
                format(name, config, dataDir, logDir, runDir);
            }
            List<String> command = new ArrayList<>(javaCommand());
            command.add("kafka.Kafka");
            command.add(config.toString());
            ChildProcess child = ChildProcess.start(name, command, Map.of("CLASSPATH", classPath()), dataDir, logDir,
                    runDir);
            return new KafkaServer(child, port, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Kafka on port " + port, e);
        }
    }

    /** What the broker is told: one node, both roles, loopback only, nothing made by producing to a new name. */
    static String serverProperties(Path dataDir, int port, int controllerPort) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dataDir,
                "num.partitions=" + PARTITIONS,
                "default.replication.factor=1",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // The log cleaner (compacting __consumer_offsets) takes a 128 MiB de-duplication buffer by default,
                // half the heap given here: a restart on data from an earlier run died of OutOfMemoryError when the
                // cleaner started. The portal's compacted topics are small; 8 MiB covers them.
                "log.cleaner.dedupe.buffer.size=8388608",
                "") ;
    }

    private static void format(String name, Path config, Path dataDir, Path logDir, Path runDir) {
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(List.of("kafka.tools.StorageTool", "format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", config.toString(), "--standalone", "--ignore-formatted"));
        ChildProcess tool = ChildProcess.start(name + "-format", command, Map.of("CLASSPATH", classPath()), dataDir,
                logDir, runDir);
        try {
            Instant deadline = Instant.now().plus(FORMAT_TIMEOUT);
            while (tool.isAlive() && Instant.now().isBefore(deadline)) {
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (tool.isAlive()) {
            tool.kill();
            throw new IllegalStateException("Formatting Kafka's storage took longer than " + FORMAT_TIMEOUT);
        }
        tool.kill(); // gone already: forgets its pid file
        if (!Files.isRegularFile(dataDir.resolve("meta.properties"))) {
            throw new IllegalStateException("Formatting Kafka's storage in " + dataDir + " failed:\n" + tool.tail(30));
        }
    }

    private static List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        // slf4j-simple (the launcher's binding) at info for the broker: its log file says what it did.
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
        command.add("-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info");
        command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        return command;
    }

    /**
     * The launcher's own class path, which holds the broker (kafka_2.13 and what it needs), with every entry made
     * absolute: {@code infra/portal} names them relative to the checkout ({@code infra/launcher/target/lib/*}), and
     * the broker runs in its data folder.
     */
    static String classPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** Waits until the broker answers a describeCluster and has a controller; never a fixed sleep. */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        try (Admin admin = admin(Duration.ofSeconds(5))) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka on port " + port + " exited while starting:\n"
                            + process.tail(40));
                }
                try {
                    var cluster = admin.describeCluster();
                    if (cluster.controller().get(5, TimeUnit.SECONDS) != null
                            && !cluster.nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
        throw new IllegalStateException("Kafka on port " + port + " did not answer within " + timeout + " ("
                + last + ")\n" + process.tail(40));
    }

    /** Creates the topics that do not exist yet ({@link #PARTITIONS} partitions, replication 1); others are kept. */
    public void createTopics(Collection<String> topics) {
        try (Admin admin = admin(Duration.ofSeconds(30))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create Kafka topics " + topics + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating Kafka topics", e);
        }
    }

    public Admin admin(Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return Admin.create(props);
    }

    /** What clients are given ({@code kafka.bootstrap.servers}). */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public ChildProcess process() {
        return process;
    }

    /** kill -9, as a crash would: the log segments keep what was acknowledged (flushed by the OS page cache). */
    public void kill() {
        process.kill();
    }

    /** SIGTERM: a controlled shutdown (logs flushed and closed). */
    @Override
    public void close() {
        process.stop(STOP_GRACE);
    }

    /** Deleting a folder tree, for a clean start. */
    public static final class Folders {
        public static void deleteRecursively(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
