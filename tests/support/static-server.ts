/** The e2e tests' static file server (tests/e2e/static-server.ts), for the bench's browser area too. */
export { serveStatic, type StaticServer } from "../e2e/static-server";
