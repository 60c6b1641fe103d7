// A real OpenID provider for tests: the certified `oidc-provider` package on a loopback port, behind
// a small loopback proxy that the tests can tell to tamper with the token endpoint's answer (a forged,
// expired or foreign ID token), the way a man in the middle or a broken provider would.
//
// Accounts are whatever the test puts in `accounts` (login name → claims); the development login
// page accepts any password for them. Consent is granted automatically (a first-party client).
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeJwt, importJWK, type JWK, SignJWT } from "jose";
import Provider from "oidc-provider";

export { closedPort } from "./ports.ts";

export type TestAccount = {
  email?: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
  groups?: string[];
};

export type TokenTamper = (idToken: string, keys: { real: JWK; forged: JWK }) => Promise<string>;

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  /** Set to rewrite the next token answers' id_token; null to pass them through. */
  tamper: TokenTamper | null;
  /** Re-signs a payload with the provider's own key or with a stranger's. */
  sign: (payload: Record<string, unknown>, key: "real" | "forged") => Promise<string>;
  close: () => Promise<void>;
};

function rsaJwk(kid: string): JWK {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...(privateKey.export({ format: "jwk" }) as JWK), kid, alg: "RS256", use: "sig" };
}

const listen = (server: Server, port: number) =>
  new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });

/**
 * Starts the provider (on `port + 1`, or any free port when `port` is 0) and its proxy (on `port`),
 * whose address is the issuer. `redirectUris` are the WarmDesk callbacks the client may use.
 */
export async function startTestProvider(options: { port?: number; redirectUris: string[]; postLogoutRedirectUris?: string[] }) {
  const real = rsaJwk("test-key");
  const forged = rsaJwk("test-key");
  const proxy = createServer();
  const proxyPort = await listen(proxy, options.port ?? 0);
  const issuer = `http://127.0.0.1:${proxyPort}`;
  const clientId = "warmdesk";
  const clientSecret = `secret-${randomUUID()}`;
  const accounts = new Map<string, TestAccount>();

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris ?? [],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [real] },
    cookies: { keys: [randomUUID()] },
    pkce: { required: () => true },
    scopes: ["openid", "email", "profile", "groups"],
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "preferred_username"],
      groups: ["groups"],
    },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    async loadExistingGrant(ctx) {
      const oidc = ctx.oidc;
      const existing = oidc.result?.consent?.grantId || oidc.session?.grantIdFor(oidc.client?.clientId ?? "");
      if (existing) return oidc.provider.Grant.find(existing);
      const grant = new oidc.provider.Grant({ clientId: oidc.client?.clientId, accountId: oidc.session?.accountId });
      grant.addOIDCScope("openid email profile groups");
      await grant.save();
      return grant;
    },
  });
  // The development pages load a web font from the internet; tests stay on loopback.
  provider.use(async (ctx, next) => {
    await next();
    if (typeof ctx.body === "string" && ctx.body.includes("@import url(https://")) {
      ctx.body = ctx.body.replace(/@import url\(https:[^)]*\);/g, "");
    }
  });
  const backend = createServer(provider.callback());
  const backendPort = await listen(backend, options.port ? options.port + 1 : 0);

  const state: TestProvider = {
    issuer,
    clientId,
    clientSecret,
    accounts,
    tamper: null,
    sign: async (payload, key) =>
      new SignJWT(payload)
        .setProtectedHeader({ alg: "RS256", kid: "test-key" })
        .sign(await importJWK(key === "real" ? real : forged, "RS256")),
    close: async () => {
      await Promise.all(
        [proxy, backend].map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      );
    },
  };

  // The proxy: forwards everything with its Host header, so the provider sees its issuer's address.
  proxy.on("request", (req, res) => {
    const upstream = httpRequest(
      { host: "127.0.0.1", port: backendPort, method: req.method, path: req.url, headers: req.headers },
      async (answer) => {
        const chunks: Buffer[] = [];
        for await (const chunk of answer) chunks.push(chunk as Buffer);
        let body = Buffer.concat(chunks);
        const headers = { ...answer.headers };
        if (req.url?.startsWith("/token") && answer.statusCode === 200 && state.tamper) {
          const json = JSON.parse(body.toString("utf8")) as { id_token?: string };
          if (json.id_token) json.id_token = await state.tamper(json.id_token, { real, forged });
          body = Buffer.from(JSON.stringify(json));
          delete headers["content-length"];
          delete headers.etag;
        }
        res.writeHead(answer.statusCode ?? 502, headers);
        res.end(body);
      },
    );
    upstream.on("error", (e) => {
      res.writeHead(502);
      res.end(String(e));
    });
    req.pipe(upstream);
  });
  return state;
}

/** Re-signs an ID token after changing its claims. */
export async function resign(
  provider: TestProvider,
  idToken: string,
  change: Record<string, unknown>,
  key: "real" | "forged" = "real",
) {
  return provider.sign({ ...decodeJwt(idToken), ...change }, key);
}

/**
 * Goes through the provider's pages like a browser without JavaScript: from the authorization URL
 * to the redirect back to WarmDesk (returned, not followed), signing in as `login`.
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  let url = new URL(authorizationUrl);
  let method = "GET";
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, { method, body, redirect: "manual", headers: { cookie: cookieHeader() } });
    keep(res);
    const location = res.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (next.origin !== url.origin) return next;
      url = next;
      method = "GET";
      body = undefined;
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`unexpected page at ${url}: ${res.status} ${html.slice(0, 300)}`);
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1] ?? "login";
    url = new URL(action, url);
    method = "POST";
    body = new URLSearchParams(prompt === "login" ? { prompt, login, password: "any" } : { prompt });
  }
  throw new Error("too many redirects at the provider");
}
