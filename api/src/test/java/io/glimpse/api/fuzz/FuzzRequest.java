package io.glimpse.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A request as it goes on the wire: method, target (path and query, exactly as sent), headers and
 * body; and the operation it was made for.
 *
 * @param caller who the {@code Authorization} header says the caller is, for reading failures
 */
record FuzzRequest(ApiOperations.Operation operation, String method, String target, Caller caller,
                   List<String> headers, byte[] body) {

    /** Who is calling: nobody, a user, an admin, or someone with a broken credential. */
    enum Caller { ANONYMOUS, USER, ADMIN, BROKEN }

    /** The request line and headers (an {@code Authorization} header is added for USER and ADMIN). */
    String head(String userToken, String adminToken) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1");
        if (caller == Caller.USER) {
            head.append("\r\nAuthorization: Bearer ").append(userToken);
        } else if (caller == Caller.ADMIN) {
            head.append("\r\nAuthorization: Bearer ").append(adminToken);
        }
        headers.forEach(header -> head.append("\r\n").append(header));
        return head.toString();
    }

    @Override
    public String toString() {
        String text = new String(body, StandardCharsets.UTF_8);
        return "[" + operation + "] " + method + " " + abbreviate(target) + " as " + caller + " " + headers.stream()
                .map(FuzzRequest::abbreviate).toList() + (body.length == 0 ? "" : " body(" + body.length + "): " + abbreviate(text));
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...(" + text.length() + " chars)";
    }
}
