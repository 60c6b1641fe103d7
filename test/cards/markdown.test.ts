// The card markdown renderer: raw HTML stays text, only http(s)/mailto links become links.

import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MAX_RENDERED, Markdown } from "../../components/card/markdown.tsx";

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

describe("card markdown on hostile input", () => {
  // Sources known to make hand-written or backtracking parsers quadratic (CommonMark's pathological
  // cases and the confirmed 100,000 `[`). Linear rendering takes about 8 times as long for 8 times
  // the input (a little more with garbage collection), a quadratic one about 64 times. Figures are
  // this process's CPU time (not wall time: other processes on a loaded machine do not count), the
  // best of three runs.
  const cases: Record<string, (n: number) => string> = {
    "open brackets": (n) => "[".repeat(n),
    "image openers": (n) => "![".repeat(n / 2),
    "unclosed links": (n) => "[a](".repeat(n / 4),
    "emphasis runs": (n) => "*a".repeat(n / 2),
    "strong runs": (n) => "a**".repeat(n / 3),
    "code spans": (n) => "`a``".repeat(n / 4),
    "nested emphasis": (n) => `${"*a ".repeat(n / 6)}b${" a*".repeat(n / 6)}`,
    "nested links": (n) => `${"[".repeat(n / 2)}a${"](b)".repeat(n / 8)}`,
    "angle brackets": (n) => "<a".repeat(n / 2),
    "bare URLs": (n) => "http://a ".repeat(n / 9),
    "list lines": (n) => "- a\n".repeat(n / 4),
    "deep quotes": (n) => ">".repeat(n),
  };
  const cpuMs = (source: string) => {
    let min = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i++) {
      const before = process.cpuUsage();
      html(source);
      const used = process.cpuUsage(before);
      min = Math.min(min, (used.user + used.system) / 1000);
    }
    return Math.max(min, 0.5);
  };

  for (const [name, make] of Object.entries(cases)) {
    it(`renders ${name} in time linear in the input`, () => {
      cpuMs(make(5_000)); // warm up
      const small = cpuMs(make(5_000));
      const large = cpuMs(make(40_000));
      expect(large / small, `${name}: ${small.toFixed(1)} ms for 5k, ${large.toFixed(1)} ms for 40k`).toBeLessThan(40);
    }, 120_000);
  }

  it("caps nesting and renders past the size bound as plain text", () => {
    const deep = html(`${"> ".repeat(1000)}deep`);
    expect(deep.split("<blockquote>").length - 1).toBeLessThanOrEqual(20);
    const long = html(`**bold**\n\n${"x".repeat(MAX_RENDERED)}**not bold**`);
    expect(long).toContain("<strong>bold</strong>");
    expect(long.endsWith("x**not bold**</p></div>")).toBe(true);
  });

  it("renders task lists, images as links and only same-site relative links", () => {
    const out = html(
      "- [x] done\n- [ ] open\n\n![logo](https://example.com/l.png) [card](/acme/cards/ACME-42) [evil](//evil.example/x) [evil2](/\\evil.example)",
    );
    expect(out).toMatch(
      /<li><span><input type="checkbox" readOnly="" disabled="" aria-label="done" checked=""\/> <\/span>done<\/li>/,
    );
    expect(out).toContain('aria-label="open"');
    expect(out).not.toContain("<img");
    expect(out).toContain('<a href="https://example.com/l.png" target="_blank" rel="noreferrer noopener nofollow">logo</a>');
    expect(out).toContain('<a href="/acme/cards/ACME-42"');
    expect(out).not.toContain('href="//evil');
    // `/\host` would be another site to a browser; encoded, it is a path on this one.
    expect(out).toContain('href="/%5Cevil.example"');
  });
});
