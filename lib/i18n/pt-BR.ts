// The Brazilian Portuguese catalog: each area file must translate every key of its English twin (type-checked).

import { account } from "./pt-BR/account.ts";
import { admin } from "./pt-BR/admin.ts";
import { attachments } from "./pt-BR/attachments.ts";
import { auth } from "./pt-BR/auth.ts";
import { billing } from "./pt-BR/billing.ts";
import { board } from "./pt-BR/board.ts";
import { card } from "./pt-BR/card.ts";
import { chat } from "./pt-BR/chat.ts";
import { common } from "./pt-BR/common.ts";
import { customers } from "./pt-BR/customers.ts";
import { imports } from "./pt-BR/imports.ts";
import { profile } from "./pt-BR/profile.ts";
import { projects } from "./pt-BR/projects.ts";
import { realtime } from "./pt-BR/realtime.ts";
import { scrum } from "./pt-BR/scrum.ts";
import { sso } from "./pt-BR/sso.ts";
import { system } from "./pt-BR/system.ts";
import { time } from "./pt-BR/time.ts";
import { topics } from "./pt-BR/topics.ts";
import { webhooks } from "./pt-BR/webhooks.ts";
import { work } from "./pt-BR/work.ts";

export const ptBR = {
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
