// The Polish catalog: each area file must translate every key of its English twin (type-checked).

import { account } from "./pl/account.ts";
import { admin } from "./pl/admin.ts";
import { attachments } from "./pl/attachments.ts";
import { auth } from "./pl/auth.ts";
import { billing } from "./pl/billing.ts";
import { board } from "./pl/board.ts";
import { card } from "./pl/card.ts";
import { chat } from "./pl/chat.ts";
import { common } from "./pl/common.ts";
import { customers } from "./pl/customers.ts";
import { imports } from "./pl/imports.ts";
import { profile } from "./pl/profile.ts";
import { projects } from "./pl/projects.ts";
import { realtime } from "./pl/realtime.ts";
import { scrum } from "./pl/scrum.ts";
import { sso } from "./pl/sso.ts";
import { system } from "./pl/system.ts";
import { time } from "./pl/time.ts";
import { topics } from "./pl/topics.ts";
import { webhooks } from "./pl/webhooks.ts";
import { work } from "./pl/work.ts";

export const pl = {
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
