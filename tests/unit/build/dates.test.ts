import { describe, expect, it } from "vitest";
import { calendarDate, datePrefix } from "../../../build/dates.ts";

describe("dates as other tools write them", () => {
  it.each([
    ["2022-07-08", "2022-07-08"],
    ["2014-12-17 11:16:21 -0800", "2014-12-17"],
    ["2014-12-17 23:30:00 -08:00", "2014-12-17"],
    ["2014-12-17T23:30:00-08:00", "2014-12-17"],
    ["2014-12-18T01:30:00+09:00", "2014-12-18"],
    ["2021-04-01T08:00:00Z", "2021-04-01"],
    ["2001-12-14t21:59:43.10-05:00", "2001-12-14"],
    ["2014-12-17 11:16", "2014-12-17"],
    ["Jul 08 2022", "2022-07-08"],
    ["July 8, 2022", "2022-07-08"],
    ["8 July 2022", "2022-07-08"],
    ["Fri Jul 08 2022", "2022-07-08"],
  ])("reads %s as %s", (written, date) => {
    expect(calendarDate(written)).toBe(date);
  });

  it("keeps the calendar date as written in its own offset, not the build machine's", () => {
    // 23:30 at -08:00 is already the 18th in UTC and in Auckland; the post says the 17th.
    const before = process.env.TZ;
    process.env.TZ = "Pacific/Auckland";
    try {
      expect(calendarDate("2014-12-17 23:30:00 -0800")).toBe("2014-12-17");
      expect(calendarDate("2014-12-17T23:30:00-08:00")).toBe("2014-12-17");
    } finally {
      process.env.TZ = before;
    }
  });

  it.each(["25/07/2020", "2023-02-30", "2022", "Jul 32 2022", "soon", "2022-07-08 25:00"])(
    "cannot read %s",
    (written) => {
      expect(calendarDate(written)).toBeUndefined();
    },
  );

  it("takes a Jekyll file name's date prefix, only a real date", () => {
    expect(datePrefix("2014-05-06-jekyll-turns-2-0-0")).toEqual({
      date: "2014-05-06",
      rest: "jekyll-turns-2-0-0",
    });
    expect(datePrefix("2014-13-06-not-a-month")).toBeUndefined();
    expect(datePrefix("night-trains")).toBeUndefined();
  });
});
