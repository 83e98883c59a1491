// Loaded by main.tsx only when the outbox flag says a reply waits: tries what waits, at once.
import { flushOutbox } from "../features/replies/outbox.ts";

void flushOutbox(true);
