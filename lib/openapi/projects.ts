import { ZMoveColumn, ZUpdateColumn } from "../boards/columns.ts";
import { ZAddMember, ZChangeRole, ZGrantGroup } from "../boards/members.ts";
import { ZUpdateProject } from "../boards/projects.ts";
import { body, errors, type Json, ok, pathParam, read, schema, write } from "./helpers.ts";

const slug = pathParam("slug", "Project slug; an old slug from before a rename still finds the project");
const columnId = pathParam("id", "Column id");
const username = pathParam("username");
const groupId = pathParam("groupId", "User group id");
const action = errors(401, 403, 404, 409);

export function projectSchemas(): Json {
  return {
    UpdateProject: schema(ZUpdateProject),
    AddMember: schema(ZAddMember),
    ChangeRole: schema(ZChangeRole),
    GrantGroup: schema(ZGrantGroup),
    UpdateColumn: schema(ZUpdateColumn),
    MoveColumn: schema(ZMoveColumn),
  };
}

export function projectPaths(): Json {
  return {
    "/api/v1/projects/{slug}": {
      get: { parameters: [slug], summary: "A project", responses: { ...ok(200, "The project with your role"), ...read } },
      patch: {
        parameters: [slug],
        summary:
          "Edit a project (project admins). A new key renames every card key; numbers stay. A new slug keeps the old one working (REST resolves it, pages redirect) until another project takes it.",
        requestBody: body("UpdateProject"),
        responses: { ...ok(200, "The project"), ...write },
      },
    },
    "/api/v1/projects/{slug}/archive": {
      post: {
        parameters: [slug],
        summary: "Archive a project: read-only and hidden from the default list (project admins)",
        responses: { ...ok(200, "The project"), ...action },
      },
    },
    "/api/v1/projects/{slug}/restore": {
      post: {
        parameters: [slug],
        summary: "Restore an archived project (project admins)",
        responses: { ...ok(200, "The project"), ...action },
      },
    },
    "/api/v1/projects/{slug}/members": {
      get: { parameters: [slug], summary: "Direct members with roles", responses: { ...ok(200, "Members"), ...read } },
      post: {
        parameters: [slug],
        summary: "Add a member or change a role (project admins)",
        requestBody: body("AddMember"),
        responses: { ...ok(201, "The member"), ...write },
      },
    },
    "/api/v1/projects/{slug}/members/{username}": {
      patch: {
        parameters: [slug, username],
        summary: "Change a member's role; the last admin cannot be demoted (409)",
        requestBody: body("ChangeRole"),
        responses: { ...ok(200, "The member"), ...write },
      },
      delete: {
        parameters: [slug, username],
        summary: "Remove a member; the last admin cannot be removed (409)",
        responses: { ...ok(204, "Removed"), ...action },
      },
    },
    "/api/v1/projects/{slug}/groups": {
      get: {
        parameters: [slug],
        summary: "User groups with access and their roles",
        responses: { ...ok(200, "Groups"), ...read },
      },
      post: {
        parameters: [slug],
        summary: "Grant an existing user group a role, or change it (project admins)",
        requestBody: body("GrantGroup"),
        responses: { ...ok(201, "The group's access"), ...write },
      },
    },
    "/api/v1/projects/{slug}/groups/{groupId}": {
      delete: {
        parameters: [slug, groupId],
        summary: "Revoke a group's access (project admins)",
        responses: { ...ok(204, "Revoked"), ...action },
      },
    },
    "/api/v1/projects/{slug}/columns/{id}": {
      patch: {
        parameters: [slug, columnId],
        summary: "Rename, recolour or set the WIP limit (0 = unlimited) of a column",
        requestBody: body("UpdateColumn"),
        responses: { ...ok(200, "The column"), ...write },
      },
      delete: {
        parameters: [
          slug,
          columnId,
          {
            name: "moveCardsTo",
            in: "query",
            required: false,
            description: "Another column of the project that receives the cards; required when the column has cards",
            schema: { type: "integer" },
          },
        ],
        summary: "Delete a column (409 when it has cards and no moveCardsTo; the last column stays)",
        responses: { ...ok(204, "Deleted"), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/api/v1/projects/{slug}/columns/{id}/move": {
      post: {
        parameters: [slug, columnId],
        summary: "Move a column between two neighbours (afterColumnId null alone: first; nothing: last)",
        requestBody: body("MoveColumn"),
        responses: { ...ok(200, "The column"), ...write },
      },
    },
    "/api/v1/projects/{slug}/columns/{id}/archive-cards": {
      post: {
        parameters: [slug, columnId],
        summary: "Soft-delete every card of a column",
        responses: { ...ok(200, "{ archived: n }"), ...action },
      },
    },
  };
}
