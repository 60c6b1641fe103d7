// The French catalog: each area file must translate every key of its English twin (type-checked).

import { account } from "./fr/account.ts";
import { admin } from "./fr/admin.ts";
import { attachments } from "./fr/attachments.ts";
import { auth } from "./fr/auth.ts";
import { billing } from "./fr/billing.ts";
import { board } from "./fr/board.ts";
import { card } from "./fr/card.ts";
import { chat } from "./fr/chat.ts";
import { common } from "./fr/common.ts";
import { customers } from "./fr/customers.ts";
import { imports } from "./fr/imports.ts";
import { profile } from "./fr/profile.ts";
import { projects } from "./fr/projects.ts";
import { realtime } from "./fr/realtime.ts";
import { scrum } from "./fr/scrum.ts";
import { sso } from "./fr/sso.ts";
import { system } from "./fr/system.ts";
import { time } from "./fr/time.ts";
import { topics } from "./fr/topics.ts";
import { webhooks } from "./fr/webhooks.ts";
import { work } from "./fr/work.ts";

export const fr = {
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
