package kr.civilportal.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process the launcher started: its output goes to one log file, its pid to a pid file (so that
 * {@code infra/portal down} can end it even if the launcher itself died), and stopping it takes its whole
 * process tree along.
 */
public final class ChildProcess {

    /** How long a paused process may take until all its threads have stopped. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final Duration STOP_POLL = Duration.ofMillis(1);


    private final String name;
    private final Process process;
    private final Path log;
    private final Path pidFile;

    private ChildProcess(String name, Process process, Path log, Path pidFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir,
                                     Path logDir, Path runDir) {
        try {
            Path log = Files.createDirectories(logDir).resolve(name + ".log");
            Files.writeString(log, "=== " + name + " started at " + Instant.now() + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            Path pidFile = Files.createDirectories(runDir).resolve(name + ".pid");
            Files.writeString(pidFile, Long.toString(process.pid()));
            return new ChildProcess(name, process, log, pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** Blocks until the process has exited, however it ends. */
    public void awaitExit() throws InterruptedException {
        process.waitFor();
    }

    /** SIGTERM and wait for a graceful shutdown; SIGKILL what is left after {@code grace}. */
    public void stop(Duration grace) {
        List<ProcessHandle> tree = tree();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        deletePidFile();
    }

    /** SIGKILL, as a crash would: no shutdown hooks, nothing drained. */
    public void kill() {
        List<ProcessHandle> tree = tree();
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deletePidFile();
    }

    /**
     * SIGSTOP: the process and its children freeze. The kernel still accepts TCP connections on their ports,
     * but nothing answers: a hung service, for real.
     */
    public void pause() {
        List<ProcessHandle> processes = tree();
        signal("STOP");
        awaitStopped(processes);
    }

    /**
     * {@code kill} returns once the signal is sent, not once every thread has stopped: a request arriving in
     * between would still be answered. Waits until the kernel shows every thread of the tree stopped.
     */
    private void awaitStopped(List<ProcessHandle> processes) {
        Instant deadline = Instant.now().plus(STOP_WAIT);
        while (!processes.stream().allMatch(ChildProcess::allThreadsStopped)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " did not stop within " + STOP_WAIT);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(STOP_POLL.toNanos());
        }
    }

    /** Linux: every task's state in /proc/PID/task/TID/stat is T (stopped) or t (traced); a gone process counts. */
    private static boolean allThreadsStopped(ProcessHandle process) {
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        try (var stream = Files.list(tasks)) {
            return stream.allMatch(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    char state = stat.substring(stat.lastIndexOf(')') + 1).trim().charAt(0);
                    return state == 'T' || state == 't' || state == 'Z' || state == 'X';
                } catch (IOException gone) {
                    return true;
                }
            });
        } catch (IOException gone) {
            return true;
        }
    }

    /** SIGCONT: the frozen process runs on as if nothing had happened. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        tree().forEach(p -> command.add(Long.toString(p.pid())));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + name + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("kill -" + signal + " " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling " + name, e);
        }
    }

    /** The last lines of the log, for error messages when the process failed to start. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private List<ProcessHandle> tree() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(0, process.toHandle());
        return all;
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is checked against the live process table before use
        }
    }

    /** Ends processes recorded in pid files by an earlier launcher that did not stop them. */
    public static int killLeftovers(Path runDir) {
        int killed = 0;
        if (!Files.isDirectory(runDir)) {
            return 0;
        }
        try (var files = Files.list(runDir)) {
            for (Path pidFile : files.filter(p -> p.toString().endsWith(".pid")).toList()) {
                try {
                    long pid = Long.parseLong(Files.readString(pidFile).trim());
                    var handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
                    if (handle.isPresent() && handle.get().info().command().orElse("").contains("java")
                            || handle.isPresent() && handle.get().info().command().orElse("").endsWith("sh")) {
                        handle.get().descendants().forEach(ProcessHandle::destroyForcibly);
                        handle.get().destroyForcibly();
                        killed++;
                    }
                    Files.deleteIfExists(pidFile);
                } catch (IOException | NumberFormatException e) {
                    Files.deleteIfExists(pidFile);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return killed;
    }
}
