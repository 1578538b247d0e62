package io.glimpse.query.batch;

/**
 * A counter column of a read-model table whose rows are found by their {@code id}: the number of
 * likes on a post, of followers of a user. Names are constants of the code, never input.
 */
public record Counter(String table, String column) {

    String update() {
        return "update " + table + " set " + column + " = " + column + " + ? where id = ?";
    }
}
