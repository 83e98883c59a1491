// Runs first in the browser tests' server command (playwright.config.ts): when something already
// listens on the tests' port, it stops the run and names the port, so the tests never test a
// server they did not build (a stale `npm start`, another checkout's suite).
import { createServer } from "node:net";

const port = Number(process.argv[2]);
const probe = createServer();
probe.once("error", (err: NodeJS.ErrnoException) => {
  console.error(
    err.code === "EADDRINUSE"
      ? `Port ${port} is already in use, and the browser tests test only a server they start ` +
          `themselves. Stop the server on port ${port} (\`npm start\` uses 4173), or set E2E_PORT ` +
          `to a free port (E2E_PORT=4284 npm test).`
      : `The browser tests cannot listen on 127.0.0.1:${port}: ${err.message}`,
  );
  process.exit(1);
});
probe.listen(port, "127.0.0.1", () => probe.close());
