package io.glimpse.command.post;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the hashtags and @mentions out of a caption or comment. */
public final class Captions {

    /** A tag: letters (any script), digits and underscores, as on Instagram. */
    public static final String TAG_PATTERN = "[\\p{L}\\p{N}_]{1,50}";
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&#])#(" + TAG_PATTERN + ")");
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.@])@([A-Za-z0-9_.]{3,30})");

    private Captions() {
    }

    /** Lower-case, without '#', in order of appearance, each once. */
    public static List<String> hashtags(String text) {
        return matches(HASHTAG, text, tag -> tag);
    }

    /** Lower-case usernames, in order of appearance, each once; a trailing '.' ends the sentence, not the name. */
    public static List<String> mentions(String text) {
        return matches(MENTION, text, name -> name.replaceAll("\\.+$", ""));
    }

    /** Normalizes explicit tags the way hashtags are: without a leading '#', lower-case. */
    public static String normalizeTag(String tag) {
        String trimmed = tag.trim();
        return (trimmed.startsWith("#") ? trimmed.substring(1) : trimmed).toLowerCase(Locale.ROOT);
    }

    private static List<String> matches(Pattern pattern, String text, java.util.function.UnaryOperator<String> clean) {
        Set<String> found = new LinkedHashSet<>();
        if (text != null) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                found.add(clean.apply(matcher.group(1)).toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(found);
    }
}
