/** @jest-environment jsdom */
import { configure, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { TableSource } from "../../src/engine/workbook";
import { generateSample } from "../../src/sample/sample";
import { App } from "../../src/taskpane/App";
import { createService, sourceAddress } from "../../src/taskpane/service";
import { MemoryHost } from "./fakes";

configure({ asyncUtilTimeout: 5000 });
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(globalThis, { ResizeObserver: NoResizeObserver });

jest.mock("../../src/taskpane/wiring", () => ({
  defaultOfficeService: () => {
    throw new Error("tests pass a service");
  },
  defaultPreviewOpener: () => {
    throw new Error("tests pass an opener");
  },
}));

/** A memory host whose selection is a given source (or nothing). */
class SelectingHost extends MemoryHost {
  selection: TableSource | null = null;
  async selectionTable(): Promise<TableSource | null> {
    return this.selection;
  }
}

const sample = generateSample({ lang: "en", staff: 30 }).tables;
const staffRows = sample.find((t) => t.id === "staff")!.rows;
const postsRows = sample.find((t) => t.id === "posts")!.rows;

/** Staff under its own name; the posts on a sheet whose name the engine does not recognise. */
function workbook(): SelectingHost {
  const host = new SelectingHost([
    { name: "Staff", sheet: "Staff", rows: staffRows },
    { name: "Sheet3", sheet: "Sheet3", rows: postsRows },
  ]);
  host.selection = { name: "Sheet3", sheet: "Sheet3", rows: postsRows, headerRow: 1, firstColumn: 0 };
  return host;
}

function setup(host: SelectingHost) {
  const service = createService(host, {
    runReform: () => {
      throw new Error("not run here");
    },
  });
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <App lang="en" inOffice service={service} />
    </FluentProvider>,
  );
  return { user, service };
}

const rebidBadge = (): HTMLElement =>
  within(screen.getByRole("region", { name: "Models" }))
    .getByText("Re-bidding")
    .closest("li") as HTMLElement;

describe("Use the selection as…", () => {
  it("takes the selected block as Posts: the confirmation shows the range and re-bidding becomes ready", async () => {
    const host = workbook();
    const { user } = setup(host);
    await waitFor(() => expect(rebidBadge().textContent).toContain("Missing: Posts"));

    await user.selectOptions(screen.getByRole("combobox", { name: "Use the selection as…" }), "Posts");
    const button = screen.getByRole("button", { name: "Use the selection" });
    button.focus();
    await user.keyboard("{Enter}");

    const width = postsRows[0]!.length;
    const lastColumn = String.fromCharCode(64 + width); // the sample's posts table is narrower than 27 columns
    expect(width).toBeLessThan(27);
    await screen.findByText(`Posts ← Sheet3!A1:${lastColumn}${postsRows.length}`);
    await waitFor(() => expect(rebidBadge().textContent).toContain("Ready"));
    expect(within(screen.getByRole("region", { name: "Tables found" })).getByText(/Sheet3/)).toBeTruthy();
  });

  it("says so when nothing usable is selected, and nothing changes", async () => {
    const host = workbook();
    host.selection = null;
    const { user } = setup(host);
    await waitFor(() => expect(rebidBadge().textContent).toContain("Missing: Posts"));
    await user.click(screen.getByRole("button", { name: "Use the selection" }));
    await screen.findByText(/Nothing usable is selected/);
    expect(rebidBadge().textContent).toContain("Missing: Posts");
  });
});

describe("service.useSelectionAs", () => {
  it("keeps the choice for later reads and forgets it when its sheet is gone (another workbook)", async () => {
    const host = workbook();
    const service = createService(host, { runReform: () => ({}) as never });
    expect((await service.listTables()).tables.map((t) => t.id)).toEqual(["staff"]);
    const use = await service.useSelectionAs("posts");
    expect(use).toEqual({ id: "posts", name: "Sheet3", sheet: "Sheet3", address: sourceAddress(host.selection!) });
    const posts = (await service.listTables()).tables.find((t) => t.id === "posts");
    expect(posts).toEqual({ id: "posts", name: "Sheet3", sheet: "Sheet3", rows: postsRows.length - 1 });

    host.sources = host.sources.filter((s) => s.sheet !== "Sheet3");
    host.sheets = host.sheets.filter((s) => s !== "Sheet3");
    expect((await service.listTables()).tables.map((t) => t.id)).toEqual(["staff"]);
  });

  it("gives null on a host without selection support", async () => {
    const service = createService(new MemoryHost([]), { runReform: () => ({}) as never });
    expect(await service.useSelectionAs("staff")).toBeNull();
  });

  it("writes addresses with the table's offset", () => {
    expect(
      sourceAddress({
        name: "x",
        sheet: "S",
        rows: [
          ["a", "b", "c"],
          [1, 2, 3],
          [4, 5, 6],
        ],
        headerRow: 3,
        firstColumn: 2,
      }),
    ).toBe("S!C3:E5");
  });
});
