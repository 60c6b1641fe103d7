import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BoardView } from "@/components/board/board-view.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { getBoard } from "@/lib/boards/board.ts";
import { AppError } from "@/lib/errors.ts";

export const dynamic = "force-dynamic";

async function loadBoard(slug: string) {
  const actor = await requireActor();
  try {
    return await getBoard(actor, slug);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  const board = await loadBoard(slug);
  return { title: board.project.name };
}

export default async function BoardPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const board = await loadBoard(slug);
  // The key remounts the client state when navigating between projects.
  return <BoardView key={board.project.id} initial={board} />;
}
