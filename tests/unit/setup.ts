// Runs before every unit test file: IndexedDB must exist before localforage is first imported,
// or localforage silently falls back to localStorage.
import "fake-indexeddb/auto";
import "@testing-library/jest-dom/vitest";
import { vi } from "vitest";

window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;

// Pages are lazy chunks and the CI machine has two busy cores: give find*/waitFor room to wait
// for a state (they still return as soon as it is reached).
import { configure } from "@testing-library/dom";
configure({ asyncUtilTimeout: 5000 });
