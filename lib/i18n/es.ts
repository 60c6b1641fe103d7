// The Spanish catalog: each area file must translate every key of its English twin (type-checked).

import { account } from "./es/account.ts";
import { admin } from "./es/admin.ts";
import { attachments } from "./es/attachments.ts";
import { auth } from "./es/auth.ts";
import { billing } from "./es/billing.ts";
import { board } from "./es/board.ts";
import { card } from "./es/card.ts";
import { chat } from "./es/chat.ts";
import { common } from "./es/common.ts";
import { customers } from "./es/customers.ts";
import { imports } from "./es/imports.ts";
import { profile } from "./es/profile.ts";
import { projects } from "./es/projects.ts";
import { realtime } from "./es/realtime.ts";
import { scrum } from "./es/scrum.ts";
import { sso } from "./es/sso.ts";
import { system } from "./es/system.ts";
import { time } from "./es/time.ts";
import { topics } from "./es/topics.ts";
import { webhooks } from "./es/webhooks.ts";
import { work } from "./es/work.ts";

export const es = {
  ...account,
  ...admin,
  ...attachments,
  ...auth,
  ...billing,
  ...board,
  ...card,
  ...chat,
  ...common,
  ...customers,
  ...imports,
  ...profile,
  ...projects,
  ...realtime,
  ...scrum,
  ...sso,
  ...system,
  ...time,
  ...topics,
  ...webhooks,
  ...work,
};
