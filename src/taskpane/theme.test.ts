import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { fluentThemeFor, isDarkColor, watchOfficeTheme } from "./theme";
import type { OfficeThemeLike } from "./theme";

describe("isDarkColor", () => {
  test.each([
    // Office's body backgrounds: Black, Dark Gray (dark); Colorful, White (light).
    ["#000000", true],
    ["#262626", true],
    ["#666666", true],
    ["#E6E6E6", false],
    ["#FFFFFF", false],
    ["fff", false],
    ["#123", true],
    // Mid grey: #767676 has relative luminance ≈ 0.18 (dark); #BCBCBC ≈ 0.50 (light, at the boundary).
    ["#767676", true],
    ["#BCBCBC", false],
    ["", false],
    ["not a colour", false],
    [undefined, false],
    [null, false],
  ])("%s → %s", (color, dark) => {
    expect(isDarkColor(color)).toBe(dark);
  });
});

test("fluentThemeFor picks the dark theme for a dark Office body, light otherwise and outside Office", () => {
  expect(fluentThemeFor({ bodyBackgroundColor: "#262626" })).toBe(webDarkTheme);
  expect(fluentThemeFor({ bodyBackgroundColor: "#FFFFFF" })).toBe(webLightTheme);
  expect(fluentThemeFor(undefined)).toBe(webLightTheme);
  expect(fluentThemeFor({})).toBe(webLightTheme);
});

test("watchOfficeTheme reports each change of darkness once, and nothing after it is stopped", () => {
  jest.useFakeTimers();
  try {
    let office: OfficeThemeLike = { bodyBackgroundColor: "#FFFFFF" };
    const seen: unknown[] = [];
    const stop = watchOfficeTheme(
      (theme) => seen.push(theme),
      () => office,
      1000,
    );
    jest.advanceTimersByTime(3000);
    expect(seen).toEqual([]);
    office = { bodyBackgroundColor: "#000000" };
    jest.advanceTimersByTime(1000);
    expect(seen).toEqual([webDarkTheme]);
    office = { bodyBackgroundColor: "#262626" }; // still dark: no new report
    jest.advanceTimersByTime(2000);
    expect(seen).toEqual([webDarkTheme]);
    office = { bodyBackgroundColor: "#F3F3F3" };
    jest.advanceTimersByTime(1000);
    expect(seen).toEqual([webDarkTheme, webLightTheme]);
    stop();
    office = { bodyBackgroundColor: "#000000" };
    jest.advanceTimersByTime(5000);
    expect(seen).toHaveLength(2);
  } finally {
    jest.useRealTimers();
  }
});
