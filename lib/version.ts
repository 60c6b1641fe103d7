// WarmDesk's version: `warmdesk --version`, GET /api/health, the About box and the metrics'
// warmdesk_build_info. A constant (not package.json read at run time) so that the browser bundle,
// the bundled servers and the command line agree; test/system/version.test.ts keeps it equal to
// package.json's and checks that CHANGELOG.md has a section for it.
export const VERSION = "0.2.0";
