package io.glimpse.command.user;

import java.util.Locale;

/** The shape of account data, shared by the aggregate and the API's input validation. */
public final class AccountRules {

    public static final String USERNAME_PATTERN = "^[a-z0-9_.]{3,30}$";
    public static final int PASSWORD_MIN = 8;
    public static final int PASSWORD_MAX = 128;
    public static final int DISPLAY_NAME_MAX = 50;
    public static final int BIO_MAX = 150;
    public static final int EMAIL_MAX = 254;

    private AccountRules() {
    }

    /** Usernames are case-insensitive; we store and compare their lower-case form, as Instagram does. */
    public static String normalizeUsername(String username) {
        return username == null ? null : username.trim().toLowerCase(Locale.ROOT);
    }
}
