import BoardPage from "./page.tsx";

export const dynamic = "force-dynamic";

// When Next.js cannot tell what the page under a card dialog was (a card opened by a client
// navigation from outside the project's pages), the project's board is that page.
export default function ProjectDefault({ params }: { params: Promise<{ slug: string }> }) {
  return <BoardPage params={params} searchParams={Promise.resolve({})} />;
}
