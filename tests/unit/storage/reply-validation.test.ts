import { describe, expect, it } from "vitest";
import { validateReply } from "../../../src/storage/reply-validation.ts";

const ok = { comment: "Nice piece.", name: "Ada", email: "ada@example.org", website: "" };

describe("validateReply", () => {
  it("accepts a reply with a comment, a name and an address, with or without a website", () => {
    expect(validateReply(ok)).toEqual({});
    expect(validateReply({ ...ok, website: "https://ada.example.org/about" })).toEqual({});
    expect(validateReply({ ...ok, website: "http://example.org" })).toEqual({});
  });

  it("asks for each required field in the reader's words", () => {
    expect(validateReply({ comment: " \n", name: "", email: "", website: "" })).toEqual({
      comment: "Enter a comment",
      name: "Enter your name",
      email: "Enter your email address",
    });
  });

  it("says when the email does not look like an address", () => {
    for (const email of ["ada", "ada@", "ada@example", "a da@example.org"]) {
      expect(validateReply({ ...ok, email }).email).toBe(
        "Enter an email address like name@example.org",
      );
    }
  });

  it("accepts only http(s) addresses as the website", () => {
    for (const website of ["example.org", "ftp://example.org", "javascript:alert(1)", "https://"]) {
      expect(validateReply({ ...ok, website }).website).toBe(
        "Enter a website address starting with http:// or https://",
      );
    }
  });

  it("refuses a comment over the limit without touching it", () => {
    const errors = validateReply({ ...ok, comment: "x".repeat(11) }, 10);
    expect(errors).toEqual({ comment: "Shorten your comment to 10 characters" });
  });
});
