// A real LDAP server for tests: Debian's slapd, started as a foreground child on a loopback port in a
// temporary directory, with a generated config, a self-signed CA and server certificate (StartTLS)
// and a seeded directory; stopped afterwards. Without slapd the LDAP tests are skipped and say so,
// except in CI (CI=true), where they must run (.ci/run installs it).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closedPort } from "./ports.ts";

export const SLAPD = "/usr/sbin/slapd";
export const hasSlapd = () => existsSync(SLAPD) && existsSync("/usr/sbin/slapadd");

export const BASE_DN = "dc=example,dc=org";
export const SERVICE_DN = `cn=warmdesk,ou=services,${BASE_DN}`;
export const SERVICE_PASSWORD = "service-secret";
export const ADMIN_DN = `cn=admin,${BASE_DN}`;
export const ADMIN_PASSWORD = "admin-secret";

export type TestDirectory = { url: string; port: number; caCert: string; dir: string; stop: () => Promise<void> };

const person = (uid: string, cn: string, mail: string, password: string) => `dn: uid=${uid},ou=people,${BASE_DN}
objectClass: inetOrgPerson
uid: ${uid}
cn: ${cn}
sn: ${cn.split(" ").pop()}
mail: ${mail}
userPassword: ${password}
`;

const group = (cn: string, members: string[]) => `dn: cn=${cn},ou=groups,${BASE_DN}
objectClass: groupOfNames
cn: ${cn}
${members.map((m) => `member: uid=${m},ou=people,${BASE_DN}`).join("\n")}
`;

export const SEED = [
  `dn: ${BASE_DN}
objectClass: dcObject
objectClass: organization
o: Example
dc: example
`,
  ...["people", "groups", "services"].map((ou) => `dn: ou=${ou},${BASE_DN}\nobjectClass: organizationalUnit\nou: ${ou}\n`),
  `dn: ${SERVICE_DN}
objectClass: organizationalRole
objectClass: simpleSecurityObject
cn: warmdesk
userPassword: ${SERVICE_PASSWORD}
`,
  person("ada", "Ada Lovelace", "ada@example.org", "ada-password"),
  person("grace", "Grace Hopper", "grace@example.org", "grace-password"),
  person("linus", "Linus Pauling", "linus@example.org", "linus-password"),
  group("warmdesk-users", ["ada", "linus"]),
  group("devs", ["ada"]),
].join("\n");

function makeCertificates(dir: string): string {
  const run = (args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  run([
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "2",
    "-subj",
    "/CN=WarmDesk Test CA",
    "-keyout",
    "ca.key",
    "-out",
    "ca.pem",
  ]);
  run(["req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key", "-out", "server.csr"]);
  writeFileSync(join(dir, "san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
  run([
    "x509",
    "-req",
    "-in",
    "server.csr",
    "-CA",
    "ca.pem",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-days",
    "2",
    "-extfile",
    "san.ext",
    "-out",
    "server.pem",
  ]);
  return readFileSync(join(dir, "ca.pem"), "utf8");
}

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });

/** Starts slapd on `port` (a free one when 0). */
export async function startSlapd(port = 0): Promise<TestDirectory> {
  const dir = mkdtempSync(join(tmpdir(), "warmdesk-slapd-"));
  mkdirSync(join(dir, "data"));
  const caCert = makeCertificates(dir);
  const conf = join(dir, "slapd.conf");
  writeFileSync(
    conf,
    `include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
modulepath /usr/lib/ldap
moduleload back_mdb
pidfile ${dir}/slapd.pid
TLSCACertificateFile ${dir}/ca.pem
TLSCertificateFile ${dir}/server.pem
TLSCertificateKeyFile ${dir}/server.key
database mdb
maxsize 10485760
suffix "${BASE_DN}"
rootdn "${ADMIN_DN}"
rootpw ${ADMIN_PASSWORD}
directory ${dir}/data
access to attrs=userPassword by anonymous auth by self write by * none
access to * by users read by * none
`,
  );
  writeFileSync(join(dir, "seed.ldif"), SEED);
  execFileSync("/usr/sbin/slapadd", ["-f", conf, "-l", join(dir, "seed.ldif")], { stdio: "pipe" });
  const listenPort = port || (await closedPort());
  const child: ChildProcess = spawn(SLAPD, ["-d", "0", "-f", conf, "-h", `ldap://127.0.0.1:${listenPort}/`], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  for (let i = 0; i < 100 && !(await canConnect(listenPort)); i++) {
    if (child.exitCode !== null) throw new Error(`slapd exited (${child.exitCode}): ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!(await canConnect(listenPort))) throw new Error(`slapd did not listen on ${listenPort}: ${stderr}`);
  return {
    url: `ldap://127.0.0.1:${listenPort}`,
    port: listenPort,
    caCert,
    dir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
