// Roles for customers (direct in customer_access, or through a group in group_customer_access):
// `viewer` sees the customer, its contracts, reports and entries; `editor` also books time against
// it and edits it and its contracts. System admins are editors of every customer. Importable from
// the browser (no database here).
export const CUSTOMER_ROLES = ["viewer", "editor"] as const;
export type CustomerRole = (typeof CUSTOMER_ROLES)[number];

export const customerRoleRank = (role: string): number => CUSTOMER_ROLES.indexOf(role as CustomerRole);
