package io.glimpse.benchmark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load from wrk, a separate process, so that the server keeps the CPU it would have in
 * production: {@code connections} connections on two threads for {@code seconds}, optionally a
 * Lua script with its environment, and paced to about {@code rate} requests per second together
 * ({@code benchmark/paced.lua} or the script's own {@code delay()} reading RATE and CONNECTIONS).
 */
record Wrk(int connections, long seconds, String script, Map<String, String> environment) {

    static final String PACED = "benchmark/paced.lua";
    /** wrk threads; writes.lua shares the pairs out among them (THREADS in its environment). */
    static final int THREADS = 2;

    /** What one run measured: requests per second, p50 and p99 in milliseconds, answers that were not 2xx/3xx. */
    record Result(double requestsPerSecond, double p50, double p99, long failed, long requests) {

        String p50Text() {
            return String.format("%.1f", p50);
        }

        String p99Text() {
            return String.format("%.1f", p99);
        }
    }

    Wrk(int connections, long seconds) {
        this(connections, seconds, PACED, Map.of());
    }

    Wrk withScript(String path, Map<String, String> variables) {
        return new Wrk(connections, seconds, path, variables);
    }

    Wrk lasting(long otherSeconds) {
        return new Wrk(connections, otherSeconds, script, environment);
    }

    /** As fast as the server answers (a paced script runs unpaced without RATE). */
    Result max(String url, String token) throws IOException, InterruptedException {
        return run(url, token, null);
    }

    /** Paced to about {@code rate} requests per second, for latency at a steady load below the maximum. */
    Result paced(String url, String token, double rate) throws IOException, InterruptedException {
        return run(url, token, rate);
    }

    private Result run(String url, String token, Double rate) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + THREADS, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "--latency"));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        boolean scripted = !script.equals(PACED) || rate != null;
        if (scripted) {
            command.addAll(List.of("-s", script));
        }
        command.add(url);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("THREADS", String.valueOf(THREADS));
        if (rate != null) {
            builder.environment().put("RATE", String.valueOf(rate));
            builder.environment().put("CONNECTIONS", String.valueOf(connections));
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        Matcher rps = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(out);
        Matcher total = Pattern.compile("(\\d+) requests in").matcher(out);
        if (!rps.find() || !total.find()) {
            throw new IllegalStateException("wrk said: " + out);
        }
        Matcher failed = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)").matcher(out);
        return new Result(Double.parseDouble(rps.group(1)), percentile(out, "50%"), percentile(out, "99%"),
                failed.find() ? Long.parseLong(failed.group(1)) : 0, Long.parseLong(total.group(1)));
    }

    /** A percentile line of wrk's --latency output, in milliseconds. */
    private static double percentile(String wrkOutput, String which) {
        Matcher matcher = Pattern.compile("\\s" + which + "\\s+([\\d.]+)(us|ms|s)").matcher(wrkOutput);
        if (!matcher.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
