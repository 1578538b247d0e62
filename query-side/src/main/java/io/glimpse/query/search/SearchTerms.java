package io.glimpse.query.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search query taken apart into the terms every one of which a post must match. Both engines
 * get the same terms: the query is analysed here, once, with the analyzer the caption field uses
 * in both (Lucene's standard analyzer: Unicode word boundaries, lower case, no stop words), so that
 * Elasticsearch and the embedded engine match exactly the same posts.
 *
 * <ul>
 *   <li>{@code #tag}: only posts with that tag;</li>
 *   <li>{@code @name}: only posts by that username;</li>
 *   <li>any other word: a caption word, a tag or an author's username.</li>
 * </ul>
 *
 * @param terms in the order of the query, each once
 */
public record SearchTerms(List<Term> terms) {

    /** At most this many terms count; the rest of a longer query is ignored. */
    public static final int MAX_TERMS = 16;
    /** What a tag is made of (the command side's rule): letters of any script, digits and '_'. */
    public static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final Pattern LEADING_TAG = Pattern.compile("^[\\p{L}\\p{N}_]{1,50}");
    private static final Pattern LEADING_USERNAME = Pattern.compile("^[a-z0-9_.]{1,30}");
    private static final Analyzer ANALYZER = new StandardAnalyzer();

    public enum Scope {
        /** Caption word, tag or author username. */
        ANY,
        TAG,
        AUTHOR
    }

    public record Term(String text, Scope scope) {
    }

    public SearchTerms {
        terms = List.copyOf(terms);
    }

    public static SearchTerms parse(String query) {
        Set<Term> terms = new LinkedHashSet<>();
        for (String word : query.trim().split("\\s+")) {
            if (word.startsWith("#")) {
                leading(LEADING_TAG, word.substring(1)).ifPresent(tag -> terms.add(new Term(tag, Scope.TAG)));
            } else if (word.startsWith("@")) {
                leading(LEADING_USERNAME, word.substring(1)).map(name -> name.replaceAll("\\.+$", ""))
                        .filter(name -> !name.isEmpty())
                        .ifPresent(name -> terms.add(new Term(name, Scope.AUTHOR)));
            } else {
                analyze(word).forEach(token -> terms.add(new Term(token, Scope.ANY)));
            }
        }
        return new SearchTerms(terms.stream().limit(MAX_TERMS).toList());
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** The terms that may name an author: the engine looks them up among usernames. */
    public Set<String> usernames() {
        Set<String> names = new LinkedHashSet<>();
        terms.stream().filter(term -> term.scope() != Scope.TAG).forEach(term -> names.add(term.text()));
        return names;
    }

    /** The words of a caption (or of a query word) as the index holds them. */
    static List<String> analyze(String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream("caption", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string reader does not fail
        }
        return tokens;
    }

    private static java.util.Optional<String> leading(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text.toLowerCase(Locale.ROOT));
        return matcher.find() ? java.util.Optional.of(matcher.group()) : java.util.Optional.empty();
    }
}
