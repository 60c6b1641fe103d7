// The German catalog: each area file must translate every key of its English twin (type-checked).

import { account } from "./de/account.ts";
import { admin } from "./de/admin.ts";
import { attachments } from "./de/attachments.ts";
import { auth } from "./de/auth.ts";
import { billing } from "./de/billing.ts";
import { board } from "./de/board.ts";
import { card } from "./de/card.ts";
import { chat } from "./de/chat.ts";
import { common } from "./de/common.ts";
import { customers } from "./de/customers.ts";
import { imports } from "./de/imports.ts";
import { profile } from "./de/profile.ts";
import { projects } from "./de/projects.ts";
import { realtime } from "./de/realtime.ts";
import { scrum } from "./de/scrum.ts";
import { sso } from "./de/sso.ts";
import { system } from "./de/system.ts";
import { time } from "./de/time.ts";
import { topics } from "./de/topics.ts";
import { webhooks } from "./de/webhooks.ts";
import { work } from "./de/work.ts";

export const de = {
  ...common,
  ...auth,
  ...projects,
  ...board,
  ...card,
  ...account,
  ...profile,
  ...admin,
  ...system,
  ...realtime,
  ...scrum,
  ...time,
  ...customers,
  ...chat,
  ...topics,
  ...attachments,
  ...webhooks,
  ...sso,
  ...billing,
  ...imports,
  ...work,
};
