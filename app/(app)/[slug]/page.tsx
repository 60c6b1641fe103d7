import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parseFilter } from "@/components/board/board-filters.ts";
import { BoardView } from "@/components/board/board-view.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { getBoard } from "@/lib/boards/board.ts";
import { redirectRenamedProject } from "@/lib/boards/slug-redirect.ts";
import { AppError } from "@/lib/errors.ts";

export const dynamic = "force-dynamic";

async function loadBoard(slug: string) {
  const actor = await requireActor();
  try {
    return { actor, board: await getBoard(actor, slug) };
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  const { board } = await loadBoard(slug);
  return { title: board.project.name };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function BoardPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const { actor, board } = await loadBoard(slug);
  await redirectRenamedProject(actor, slug, "", query);
  // The filter is in the URL so that a filtered board can be shared.
  const filter = parseFilter({
    get: (name) => {
      const v = query[name];
      return typeof v === "string" ? v : (v?.[0] ?? null);
    },
  });
  // The key remounts the client state when navigating between projects.
  return (
    <BoardView
      key={board.project.id}
      initial={board}
      me={{ id: actor.userId, username: actor.username }}
      initialFilter={filter}
    />
  );
}
