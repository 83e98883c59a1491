// Which items of an export become articles, and why the others do not.
import type { WxrItem } from "./wxr.ts";

export type SkipReason =
  | "draft"
  | "pending"
  | "future"
  | "private"
  | "trash"
  | "password-protected"
  | "attachment"
  | "navigation item"
  | "page"
  | "empty"
  | `custom type ${string}`
  | `status ${string}`;

/**
 * Published posts (and pages, with --pages) are imported; everything else is skipped with its
 * reason. A password-protected post is skipped whatever its status: its text must go nowhere.
 */
export function classify(
  item: Pick<WxrItem, "type" | "status" | "password">,
  { pages }: { pages: boolean },
): { import: true } | { import: false; reason: SkipReason } {
  const type = item.type || "post";
  if (type === "attachment") return { import: false, reason: "attachment" };
  if (type === "nav_menu_item") return { import: false, reason: "navigation item" };
  if (type === "page" && !pages) return { import: false, reason: "page" };
  if (type !== "post" && type !== "page") return { import: false, reason: `custom type ${type}` };
  if (item.password.trim()) return { import: false, reason: "password-protected" };
  switch (item.status) {
    case "publish":
      return { import: true };
    case "draft":
    case "auto-draft":
      return { import: false, reason: "draft" };
    case "pending":
    case "future":
    case "private":
    case "trash":
      return { import: false, reason: item.status };
    default:
      return { import: false, reason: `status ${item.status || "(none)"}` };
  }
}
