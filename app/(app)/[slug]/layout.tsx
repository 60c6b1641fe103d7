import type { ReactNode } from "react";

// A project's pages, and the `modal` slot over them: a card opened from the board shows there as a
// dialog at its own URL (@modal/(.)cards/[key]); loaded directly, the same URL is the full card page.
export default function ProjectLayout({ children, modal }: { children: ReactNode; modal: ReactNode }) {
  return (
    <>
      {children}
      {modal}
    </>
  );
}
