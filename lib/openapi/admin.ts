// OpenAPI paths and schemas of the admin endpoints (system admins only: 404 for everyone else).

import { ZAdminCreateUser, ZAdminUpdateUser } from "../users/admin.ts";
import { ZAddGroupMember, ZCustomerAccess, ZGroupInput, ZGroupUpdate, ZProjectAccess } from "../users/groups.ts";
import { body, errors, type Json, ok, pathParam, schema } from "./helpers.ts";

const id = pathParam("id", "User id");
const groupId = pathParam("id", "Group id");
const userId = pathParam("userId", "User id");
const projectSlug = pathParam("slug", "Project slug");
const customerSlug = pathParam("slug", "Customer slug");

const NOT_ADMIN = "System admins only; everyone else gets 404.";
const read = errors(401, 404);
const write = errors(400, 401, 404, 409, 413, 415);
const action = errors(401, 404, 409);

const tag = (summary: string) => `${summary} ${NOT_ADMIN}`;

export function adminSchemas(): Json {
  return {
    AdminCreateUser: schema(ZAdminCreateUser),
    AdminUpdateUser: schema(ZAdminUpdateUser),
    GroupInput: schema(ZGroupInput),
    GroupUpdate: schema(ZGroupUpdate),
    AddGroupMember: schema(ZAddGroupMember),
    GroupProjectAccess: schema(ZProjectAccess),
    GroupCustomerAccess: schema(ZCustomerAccess),
  };
}

export function adminPaths(): Json {
  return {
    "/api/v1/admin/users": {
      get: {
        summary: tag("Users: search by username or email, filter by status, 50 per page."),
        parameters: [
          { name: "q", in: "query", required: false, schema: { type: "string" }, description: "Part of a username or email" },
          {
            name: "status",
            in: "query",
            required: false,
            schema: { type: "string", enum: ["active", "disabled", "deleted", "all"] },
            description: "Without it: active and disabled users (not deleted ones)",
          },
          { name: "page", in: "query", required: false, schema: { type: "integer", minimum: 1 } },
        ],
        responses: { ...ok(200, "{ users, total, page, pageSize }"), ...errors(400, 401, 404) },
      },
      post: {
        summary: tag(
          "Create a user with a generated temporary password, returned once; the user must change it at the first sign-in.",
        ),
        requestBody: body("AdminCreateUser"),
        responses: { ...ok(201, "{ user, temporaryPassword }"), ...write },
      },
    },
    "/api/v1/admin/users/{id}": {
      get: {
        parameters: [id],
        summary: tag("A user with their groups, live session count and API key count."),
        responses: { ...ok(200, "The user"), ...read },
      },
      patch: {
        parameters: [id],
        summary: tag(
          "Edit email, username, role or language. You cannot demote yourself, nor the last active admin (409); a deleted user cannot change (409).",
        ),
        requestBody: body("AdminUpdateUser"),
        responses: { ...ok(200, "The user"), ...write },
      },
      delete: {
        parameters: [id],
        summary: tag(
          "Soft delete: sessions and API keys end, content stays (shown as a former user), email and username stay reserved. Not yourself, not the last active admin (409).",
        ),
        responses: { ...ok(204, "Deleted"), ...action },
      },
    },
    "/api/v1/admin/users/{id}/disable": {
      post: {
        parameters: [id],
        summary: tag("Disable sign-in; every session of the user ends at once. Not yourself, not the last active admin (409)."),
        responses: { ...ok(200, "The user"), ...action },
      },
    },
    "/api/v1/admin/users/{id}/enable": {
      post: { parameters: [id], summary: tag("Enable sign-in again."), responses: { ...ok(200, "The user"), ...action } },
    },
    "/api/v1/admin/users/{id}/reset-password": {
      post: {
        parameters: [id],
        summary: tag(
          "Force a password reset: a new temporary password (returned once) that must be changed at the next sign-in; every session ends.",
        ),
        responses: { ...ok(200, "{ user, temporaryPassword }"), ...action },
      },
    },
    "/api/v1/admin/users/{id}/reset-mfa": {
      post: {
        parameters: [id],
        summary: tag("Turn the user's MFA off (secret and recovery codes forgotten); every session ends."),
        responses: { ...ok(200, "The user"), ...action },
      },
    },
    "/api/v1/admin/groups": {
      get: {
        summary: tag("User groups with member, project and customer counts."),
        responses: { ...ok(200, "Groups"), ...read },
      },
      post: {
        summary: tag("Create a user group."),
        requestBody: body("GroupInput"),
        responses: { ...ok(201, "The group"), ...write },
      },
    },
    "/api/v1/admin/groups/{id}": {
      get: {
        parameters: [groupId],
        summary: tag("A group with its members and its roles in projects and customers."),
        responses: { ...ok(200, "The group"), ...read },
      },
      patch: {
        parameters: [groupId],
        summary: tag("Rename a group or change its description (names are unique: 409)."),
        requestBody: body("GroupUpdate"),
        responses: { ...ok(200, "The group"), ...write },
      },
      delete: {
        parameters: [groupId],
        summary: tag("Delete a group; its members lose what they had only through it."),
        responses: { ...ok(204, "Deleted"), ...read },
      },
    },
    "/api/v1/admin/groups/{id}/members": {
      post: {
        parameters: [groupId],
        summary: tag("Add a member by `userId` or `username` (adding twice changes nothing)."),
        requestBody: body("AddGroupMember"),
        responses: { ...ok(201, "The member"), ...write },
      },
    },
    "/api/v1/admin/groups/{id}/members/{userId}": {
      delete: { parameters: [groupId, userId], summary: tag("Remove a member."), responses: { ...ok(204, "Removed"), ...read } },
    },
    "/api/v1/admin/groups/{id}/projects/{slug}": {
      put: {
        parameters: [groupId, projectSlug],
        summary: tag(
          "Give the group a role in a project (viewer, member, admin) or change it. Members get the highest of this and their direct role. An archived project cannot change (409).",
        ),
        requestBody: body("GroupProjectAccess"),
        responses: { ...ok(200, "The project with the group's role"), ...write },
      },
      delete: {
        parameters: [groupId, projectSlug],
        summary: tag("Take the group's access to a project away."),
        responses: { ...ok(204, "Removed"), ...action },
      },
    },
    "/api/v1/admin/groups/{id}/customers/{slug}": {
      put: {
        parameters: [groupId, customerSlug],
        summary: tag("Give the group a role for a customer (viewer, editor) or change it."),
        requestBody: body("GroupCustomerAccess"),
        responses: { ...ok(200, "The customer with the group's role"), ...write },
      },
      delete: {
        parameters: [groupId, customerSlug],
        summary: tag("Take the group's access to a customer away."),
        responses: { ...ok(204, "Removed"), ...read },
      },
    },
  };
}
