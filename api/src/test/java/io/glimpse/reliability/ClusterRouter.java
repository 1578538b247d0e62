package io.glimpse.reliability;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends requests to the nodes of a split deployment as docker-compose.yml's nginx does: GET and
 * HEAD, and everything under /api/admin/, round-robin to the query nodes; other methods to the
 * command nodes. A node taken out (killed) gets nothing until it is put back.
 */
final class ClusterRouter implements Http.Router {

    private final List<Integer> commandPorts;
    private final List<Integer> queryPorts;
    private final Set<Integer> out = ConcurrentHashMap.newKeySet();
    private final AtomicInteger next = new AtomicInteger();

    ClusterRouter(List<Integer> commandPorts, List<Integer> queryPorts) {
        this.commandPorts = List.copyOf(commandPorts);
        this.queryPorts = List.copyOf(queryPorts);
    }

    @Override
    public int port(String method, String path) {
        boolean query = "GET".equals(method) || "HEAD".equals(method) || path.startsWith("/api/admin/");
        List<Integer> ports = (query ? queryPorts : commandPorts).stream().filter(port -> !out.contains(port)).toList();
        return ports.get(Math.floorMod(next.getAndIncrement(), ports.size()));
    }

    void takeOut(int port) {
        out.add(port);
    }

    void putBack(int port) {
        out.remove(port);
    }
}
