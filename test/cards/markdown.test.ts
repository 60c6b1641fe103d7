// The card markdown renderer: raw HTML stays text, only http(s)/mailto links become links.

import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "../../components/card/markdown.tsx";

const html = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe("card markdown", () => {
  it("renders the usual blocks and inline marks", () => {
    const out = html(
      "## Plan\n\nSome **bold**, *italic*, `code` and ~~old~~.\n\n- one\n- two\n\n1. first\n\n> quoted\n\n```\nx < y\n```",
    );
    expect(out).toContain("<h4>Plan</h4>");
    expect(out).toContain("<strong>bold</strong>");
    expect(out).toContain("<em>italic</em>");
    expect(out).toContain("<code>code</code>");
    expect(out).toContain("<del>old</del>");
    expect(out).toContain("<ul><li>one</li><li>two</li></ul>");
    expect(out).toContain("<ol><li>first</li></ol>");
    expect(out).toContain("<blockquote><p>quoted</p></blockquote>");
    expect(out).toContain("<pre><code>x &lt; y</code></pre>");
  });

  it("never passes raw HTML or unsafe links through", () => {
    const out = html(
      '<script>alert(1)</script> <img src=x onerror="alert(2)"> [click](javascript:alert(3)) [ok](https://example.com)',
    );
    expect(out).not.toContain("<script");
    expect(out).not.toContain("<img");
    expect(out).toContain("&lt;script&gt;");
    expect(out).not.toContain('href="javascript');
    expect(out).toContain('<a href="https://example.com" target="_blank" rel="noreferrer noopener nofollow">ok</a>');
  });

  it("links bare URLs and keeps line breaks", () => {
    const out = html("see https://example.com/a.\nnext line");
    expect(out).toContain('<a href="https://example.com/a"');
    expect(out).toContain("<br/>");
  });
});
