"use client";
// Registers public/sw.js (installable app, offline page; see there). The worker only ever answers
// for the shell and the offline page: pages and live data always come from the network.
import { useEffect } from "react";

export function ServiceWorker() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const dev = process.env.NODE_ENV !== "production";
    navigator.serviceWorker.register(dev ? "/sw.js?dev=1" : "/sw.js", { scope: "/" }).catch(() => {});
  }, []);
  return null;
}
