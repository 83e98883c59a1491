// Loaded by main.tsx only when the outbox flag says a reply waits: tries what waits, at once.
import { flushOutbox } from "./outbox.ts";

void flushOutbox(true);
