"use client";

import { useEffect } from "react";

/** Loads `href` as a full page (for a route that a client navigation would otherwise intercept). */
export function HardNavigation({ href }: { href: string }) {
  useEffect(() => {
    window.location.replace(href);
  }, [href]);
  return null;
}
