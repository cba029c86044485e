package dev.accounts.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LinkPageTest {

    @Test
    void hashesTheInlineTextAsCspDoes() {
        // The example of CSP Level 3, §8.3 (script-src 'sha256-…' for <script>alert('Hello, world.');</script>).
        assertThat(LinkPage.sha256Source("alert('Hello, world.');"))
                .isEqualTo("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
    }

    @Test
    void refusesAPageWithMoreThanOneScript() {
        assertThatThrownBy(() -> LinkPage.load("pages/two-scripts.html"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exactly one plain <script>");
    }

    @Test
    void refusesAPageThatLoadsAScript() {
        assertThatThrownBy(() -> LinkPage.load("pages/script-with-attributes.html"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exactly one plain <script>");
    }

    @Test
    void refusesAMissingPage() {
        assertThatThrownBy(() -> LinkPage.load("pages/nothing-here.html"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing page");
    }
}
