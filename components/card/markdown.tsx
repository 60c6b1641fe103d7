// A small markdown renderer that builds React elements, never HTML strings: raw HTML in the
// source stays text (React escapes it), links are limited to http(s) and mailto. Covers what
// people write in cards: paragraphs, headings, lists, quotes, fenced code, **bold**, *italic*,
// `code`, ~~strike~~, [links](url) and bare URLs.
import type { ReactNode } from "react";

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

function inline(text: string, keyBase: string): ReactNode[] {
  const out: ReactNode[] = [];
  const re =
    /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_|~~([^~]+)~~|\[([^\]]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/g;
  let last = 0;
  let i = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const k = `${keyBase}-${i++}`;
    if (m[2] !== undefined) out.push(<code key={k}>{m[2]}</code>);
    else if (m[3] !== undefined || m[4] !== undefined) out.push(<strong key={k}>{inline(m[3] ?? m[4], k)}</strong>);
    else if (m[5] !== undefined || m[6] !== undefined) out.push(<em key={k}>{inline(m[5] ?? m[6], k)}</em>);
    else if (m[7] !== undefined) out.push(<del key={k}>{inline(m[7], k)}</del>);
    else if (m[8] !== undefined) {
      const url = m[9];
      out.push(
        SAFE_URL.test(url) ? (
          <a key={k} href={url} target="_blank" rel="noreferrer noopener nofollow">
            {inline(m[8], k)}
          </a>
        ) : (
          m[0]
        ),
      );
    } else if (m[10] !== undefined) {
      out.push(
        <a key={k} href={m[10]} target="_blank" rel="noreferrer noopener nofollow">
          {m[10]}
        </a>,
      );
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Inline content with soft line breaks kept as <br>. */
function lines(text: string, keyBase: string): ReactNode[] {
  return text.split("\n").flatMap((line, i) =>
    // biome-ignore lint/suspicious/noArrayIndexKey: static text, lines have no identity besides their place
    i === 0 ? inline(line, `${keyBase}l${i}`) : [<br key={`${keyBase}br${i}`} />, ...inline(line, `${keyBase}l${i}`)],
  );
}

export function renderMarkdown(source: string): ReactNode[] {
  const src = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: ReactNode[] = [];
  let i = 0;
  let n = 0;
  while (i < src.length) {
    const line = src[i];
    const key = `b${n++}`;
    if (!line.trim()) {
      i++;
      continue;
    }
    const fence = /^\s*(```|~~~)/.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < src.length && !src[i].trim().startsWith(fence[1])) body.push(src[i++]);
      i++;
      blocks.push(
        <pre key={key}>
          <code>{body.join("\n")}</code>
        </pre>,
      );
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const level = Math.min(heading[1].length + 2, 6);
      const Tag = `h${level}` as "h3";
      blocks.push(<Tag key={key}>{inline(heading[2], key)}</Tag>);
      i++;
      continue;
    }
    if (/^\s*>/.test(line)) {
      const body: string[] = [];
      while (i < src.length && /^\s*>/.test(src[i])) body.push(src[i++].replace(/^\s*>\s?/, ""));
      blocks.push(<blockquote key={key}>{renderMarkdown(body.join("\n"))}</blockquote>);
      continue;
    }
    const bullet = /^\s*([-*+]|\d+[.)])\s+/;
    if (bullet.test(line)) {
      const ordered = /^\s*\d/.test(line);
      const items: string[] = [];
      while (i < src.length && (bullet.test(src[i]) || (/^\s{2,}\S/.test(src[i]) && items.length))) {
        if (bullet.test(src[i])) items.push(src[i].replace(bullet, ""));
        else items[items.length - 1] += `\n${src[i].trim()}`;
        i++;
      }
      const children = items.map((it, j) => {
        const task = /^\[([ xX])\]\s+(.*)$/s.exec(it);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity besides their place
          <li key={j}>
            {task ? (
              <>
                <input type="checkbox" checked={task[1] !== " "} readOnly disabled aria-label={task[2]} />{" "}
                {lines(task[2], `${key}-${j}`)}
              </>
            ) : (
              lines(it, `${key}-${j}`)
            )}
          </li>
        );
      });
      blocks.push(ordered ? <ol key={key}>{children}</ol> : <ul key={key}>{children}</ul>);
      continue;
    }
    const para: string[] = [];
    while (i < src.length && src[i].trim() && !/^(#{1,6}\s|\s*>|\s*(```|~~~)|\s*([-*+]|\d+[.)])\s+)/.test(src[i]))
      para.push(src[i++]);
    if (para.length === 0) para.push(src[i++]);
    blocks.push(<p key={key}>{lines(para.join("\n"), key)}</p>);
  }
  return blocks;
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
