// Runs before every unit test file: IndexedDB must exist before localforage is first imported,
// or localforage silently falls back to localStorage.
import "fake-indexeddb/auto";
import "@testing-library/jest-dom/vitest";
import { vi } from "vitest";

window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
