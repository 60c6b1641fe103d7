import type { projects as en } from "../en/projects.ts";

export const projects: { [K in keyof typeof en]: string } = {};
