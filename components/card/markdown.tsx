// Markdown for descriptions, comments, topics and chat. Parsing is markdown-it's (CommonMark, linear
// in the input: its pathological-input tests include 100,000 `[`, nested emphasis and deep quotes),
// rendering is ours: its tokens become React elements, never an HTML string. Raw HTML in the source
// stays text (`html: false`, and React escapes it), links are limited to http(s), mailto and paths
// on this site, images become links (no third-party request when a card is opened), and nesting is
// capped so a hostile source cannot build a deep tree.
import MarkdownIt, { type Token } from "markdown-it";
import type { ReactNode } from "react";

/** Longer sources render their first MAX_RENDERED characters as markdown and the rest as plain text. */
export const MAX_RENDERED = 100_000;

const SAFE_URL = /^(https?:\/\/|mailto:|\/(?![/\\]))/i;

const md = new MarkdownIt("default", { html: false, linkify: true, breaks: true, maxNesting: 20 });
md.validateLink = (url) => SAFE_URL.test(url.trim());
// Only URLs with a scheme become links (not `example.com` or `name@host`), as people expect in prose.
md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
md.disable(["table"]);

const TASK = /^\[([ xX])\]\s+/;

const LINK_PROPS = { target: "_blank", rel: "noreferrer noopener nofollow" } as const;

/** Inline tokens (the children of an `inline` token) as React nodes. */
function renderInline(tokens: Token[], keyBase: string): ReactNode[] {
  const root: ReactNode[] = [];
  const stack: { tag: string; href?: string; children: ReactNode[] }[] = [];
  const top = () => (stack.length ? stack[stack.length - 1].children : root);
  tokens.forEach((t, i) => {
    const key = `${keyBase}-${i}`;
    switch (t.type) {
      case "text":
        top().push(t.content);
        break;
      case "softbreak":
      case "hardbreak":
        top().push(<br key={key} />);
        break;
      case "code_inline":
        top().push(<code key={key}>{t.content}</code>);
        break;
      case "image": {
        const href = String(t.attrGet("src") ?? "");
        const alt = t.children?.length ? renderInline(t.children, key) : t.content || href;
        top().push(
          <a key={key} href={href} {...LINK_PROPS}>
            {alt}
          </a>,
        );
        break;
      }
      case "strong_open":
      case "em_open":
      case "s_open":
      case "link_open":
        stack.push({ tag: t.tag, href: String(t.attrGet("href") ?? ""), children: [] });
        break;
      case "strong_close":
      case "em_close":
      case "s_close":
      case "link_close": {
        const open = stack.pop();
        if (!open) break;
        const el =
          open.tag === "a" ? (
            <a key={key} href={open.href} {...LINK_PROPS}>
              {open.children}
            </a>
          ) : open.tag === "strong" ? (
            <strong key={key}>{open.children}</strong>
          ) : open.tag === "em" ? (
            <em key={key}>{open.children}</em>
          ) : (
            <del key={key}>{open.children}</del>
          );
        top().push(el);
        break;
      }
      default:
        // html_inline cannot occur with `html: false`; anything unknown shows as its source text.
        if (t.content) top().push(t.content);
    }
  });
  // Unbalanced opens (not produced by markdown-it, but cheap to tolerate) keep their text.
  while (stack.length) {
    const open = stack.pop();
    if (open) top().push(...open.children);
  }
  return root;
}

/** A checkbox for a task list item (`- [x] done`), taken off the item's first inline token. */
function taskBox(tokens: Token[], start: number, key: string): ReactNode | null {
  const inline = tokens[start + 1]?.type === "paragraph_open" ? tokens[start + 2] : undefined;
  const first = inline?.children?.[0];
  if (!inline || first?.type !== "text") return null;
  const m = TASK.exec(first.content);
  if (!m) return null;
  first.content = first.content.slice(m[0].length);
  const label = inline.content.replace(TASK, "");
  return (
    <span key={`${key}-box`}>
      <input type="checkbox" checked={m[1] !== " "} readOnly disabled aria-label={label} />{" "}
    </span>
  );
}

/** Block tokens from `start` to the matching close (or the end) as React nodes. */
function renderBlocks(tokens: Token[], start: number, end: number): ReactNode[] {
  const out: ReactNode[] = [];
  let i = start;
  while (i < end) {
    const t = tokens[i];
    const key = `b${i}`;
    if (t.nesting === 1) {
      // Find the matching close: tokens carry their nesting level.
      let j = i + 1;
      while (j < end && !(tokens[j].nesting === -1 && tokens[j].level === t.level)) j++;
      const box = t.type === "list_item_open" ? taskBox(tokens, i, key) : null;
      const children = renderBlocks(tokens, i + 1, j);
      if (t.hidden) out.push(...children);
      else out.push(blockElement(t, key, box ? [box, ...children] : children));
      i = j + 1;
      continue;
    }
    if (t.type === "inline") out.push(...renderInline(t.children ?? [], key));
    else if (t.type === "fence" || t.type === "code_block")
      out.push(
        <pre key={key}>
          <code>{t.content.replace(/\n$/, "")}</code>
        </pre>,
      );
    else if (t.type === "hr") out.push(<hr key={key} />);
    else if (t.content) out.push(<p key={key}>{t.content}</p>);
    i++;
  }
  return out;
}

function blockElement(t: Token, key: string, children: ReactNode[]): ReactNode {
  switch (t.type) {
    case "heading_open": {
      // Headings in a card sit under the page's own: # is an h3.
      const Tag = `h${Math.min(Number(t.tag.slice(1)) + 2, 6)}` as "h3";
      return <Tag key={key}>{children}</Tag>;
    }
    case "paragraph_open":
      return <p key={key}>{children}</p>;
    case "blockquote_open":
      return <blockquote key={key}>{children}</blockquote>;
    case "bullet_list_open":
      return <ul key={key}>{children}</ul>;
    case "ordered_list_open": {
      const from = Number(t.attrGet("start") ?? 1);
      return (
        <ol key={key} start={from !== 1 ? from : undefined}>
          {children}
        </ol>
      );
    }
    case "list_item_open":
      return <li key={key}>{children}</li>;
    default:
      return <div key={key}>{children}</div>;
  }
}

export function renderMarkdown(source: string): ReactNode[] {
  const head = source.length > MAX_RENDERED ? source.slice(0, MAX_RENDERED) : source;
  const tokens = md.parse(head, {});
  const out = renderBlocks(tokens, 0, tokens.length);
  if (head.length < source.length) out.push(<p key="rest">{source.slice(MAX_RENDERED)}</p>);
  return out;
}

const PROSE = [
  "text-sm leading-relaxed text-text break-words",
  "[&_p]:my-2 [&_p:first-child]:mt-0 [&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-5 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-5",
  "[&_h3]:mt-3 [&_h3]:mb-1 [&_h3]:text-base [&_h3]:font-semibold [&_h4]:mt-3 [&_h4]:font-semibold [&_h5]:font-semibold [&_h6]:font-semibold",
  "[&_a]:text-accent [&_a]:underline [&_code]:rounded [&_code]:bg-surface-2 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.85em]",
  "[&_pre]:my-2 [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-surface-2 [&_pre]:p-3 [&_pre_code]:bg-transparent [&_pre_code]:p-0",
  "[&_blockquote]:my-2 [&_blockquote]:border-l-2 [&_blockquote]:border-border [&_blockquote]:pl-3 [&_blockquote]:text-muted",
].join(" ");

export function Markdown({ source, className }: { source: string; className?: string }) {
  return <div className={`${PROSE} ${className ?? ""}`}>{renderMarkdown(source)}</div>;
}
