// The English catalog: the reference. One file per area under en/ so that areas grow independently.

import { account } from "./en/account.ts";
import { admin } from "./en/admin.ts";
import { attachments } from "./en/attachments.ts";
import { auth } from "./en/auth.ts";
import { billing } from "./en/billing.ts";
import { board } from "./en/board.ts";
import { card } from "./en/card.ts";
import { chat } from "./en/chat.ts";
import { common } from "./en/common.ts";
import { customers } from "./en/customers.ts";
import { imports } from "./en/imports.ts";
import { profile } from "./en/profile.ts";
import { projects } from "./en/projects.ts";
import { realtime } from "./en/realtime.ts";
import { scrum } from "./en/scrum.ts";
import { sso } from "./en/sso.ts";
import { system } from "./en/system.ts";
import { time } from "./en/time.ts";
import { topics } from "./en/topics.ts";
import { webhooks } from "./en/webhooks.ts";
import { work } from "./en/work.ts";

export const en = {
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
