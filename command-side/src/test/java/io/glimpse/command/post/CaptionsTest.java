package io.glimpse.command.post;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaptionsTest {

    @Test
    void hashtagsAreLowerCasedDeduplicatedAndInOrder() {
        assertThat(Captions.hashtags("Sunset at #Beach with #friends #beach #Été_2026!"))
                .containsExactly("beach", "friends", "été_2026");
    }

    @Test
    void aHashInsideAWordOrAUrlFragmentIsNoTag() {
        assertThat(Captions.hashtags("C# and page.html#anchor and &#39; and ##double")).isEmpty();
    }

    @Test
    void mentionsAreUsernamesAndASentenceDotIsNotPartOfThem() {
        assertThat(Captions.mentions("Thanks @Alice and @bob.smith. Also @alice, mail me at x@example.com"))
                .containsExactly("alice", "bob.smith");
    }

    @Test
    void tooShortMentionsAreIgnored() {
        assertThat(Captions.mentions("@ab hi")).isEmpty();
    }

    @Test
    void explicitTagsLoseTheirHashAndCase() {
        assertThat(Captions.normalizeTag(" #Travel ")).isEqualTo("travel");
    }
}
