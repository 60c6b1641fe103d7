// The Japanese catalog: each area file must translate every key of its English twin (type-checked).

import { account } from "./ja/account.ts";
import { admin } from "./ja/admin.ts";
import { attachments } from "./ja/attachments.ts";
import { auth } from "./ja/auth.ts";
import { billing } from "./ja/billing.ts";
import { board } from "./ja/board.ts";
import { card } from "./ja/card.ts";
import { chat } from "./ja/chat.ts";
import { common } from "./ja/common.ts";
import { customers } from "./ja/customers.ts";
import { imports } from "./ja/imports.ts";
import { profile } from "./ja/profile.ts";
import { projects } from "./ja/projects.ts";
import { realtime } from "./ja/realtime.ts";
import { scrum } from "./ja/scrum.ts";
import { sso } from "./ja/sso.ts";
import { system } from "./ja/system.ts";
import { time } from "./ja/time.ts";
import { topics } from "./ja/topics.ts";
import { webhooks } from "./ja/webhooks.ts";
import { work } from "./ja/work.ts";

export const ja = {
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
