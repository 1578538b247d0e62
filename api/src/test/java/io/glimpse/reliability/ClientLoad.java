package io.glimpse.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A few client threads, each sending one request at a time until closed. Every answer is counted
 * by status, and any error but a clean refusal ({@link Http#cleanRefusal}) is kept as unclean.
 */
abstract class ClientLoad implements AutoCloseable {

    private final List<Thread> clients = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> unclean = new ArrayList<>();
    private volatile boolean running = true;

    ClientLoad(String name, int clients) {
        for (int i = 0; i < clients; i++) {
            Thread client = new Thread(this::run, name + "-" + i);
            client.setDaemon(true);
            this.clients.add(client);
        }
    }

    /** One client's work, while {@link #running()}. */
    abstract void run();

    boolean running() {
        return running;
    }

    void startClients() {
        clients.forEach(Thread::start);
    }

    /** Counts the answer by status; -1 stands for a request that got no answer. */
    Http.Answer count(Http.Answer answer) {
        synchronized (statuses) {
            statuses.merge(answer.status(), 1, Integer::sum);
            if (answer.status() >= 400 && !Http.cleanRefusal(answer)) {
                unclean.add(answer.describe());
            }
        }
        return answer;
    }

    Map<Integer, Integer> statuses() {
        synchronized (statuses) {
            return new TreeMap<>(statuses);
        }
    }

    List<String> unclean() {
        synchronized (statuses) {
            return List.copyOf(unclean);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread client : clients) {
            client.join();
        }
    }
}
