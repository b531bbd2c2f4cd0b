/**
 * Offline checks of manifest.xml's structure (no XSD ships in any npm package and
 * `office-addin-manifest validate` needs the network): resource ids, the shared runtime wiring, locale
 * overrides, string lengths, element order, icons, and the production URL rewrite used by the build.
 */
import { DOMParser } from "@xmldom/xmldom";
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_PRODUCTION_URL, productionUrl, rewriteManifestUrls } from "../tools/manifest-url";

const ROOT = path.join(__dirname, "..");
const SOURCE = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

// Minimal structural DOM types (xmldom's own types differ slightly between versions).
interface XNode {
  nodeType: number;
}
interface XElement extends XNode {
  localName: string;
  namespaceURI: string | null;
  textContent: string | null;
  childNodes: ArrayLike<XNode>;
  parentNode: XElement | null;
  getAttribute(name: string): string | null;
  getAttributeNS(ns: string, name: string): string | null;
  hasAttribute(name: string): boolean;
  getElementsByTagNameNS(ns: string, name: string): ArrayLike<XElement>;
}

const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

function parse(xml: string): XElement {
  const issues: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, message: string) => {
      issues.push(`${level}: ${message}`);
    },
  }).parseFromString(xml, "text/xml") as unknown as { documentElement: XElement };
  expect(issues).toEqual([]);
  return doc.documentElement;
}

function all(root: XElement, localName: string): XElement[] {
  return Array.from(root.getElementsByTagNameNS("*", localName));
}

function one(root: XElement, localName: string): XElement {
  const found = all(root, localName);
  expect(found).toHaveLength(1);
  return found[0];
}

function children(el: XElement): XElement[] {
  return Array.from(el.childNodes).filter((n): n is XElement => n.nodeType === 1);
}

function child(el: XElement, localName: string): XElement {
  const found = children(el).filter((c) => c.localName === localName);
  expect(found).toHaveLength(1);
  return found[0];
}

function xsiType(el: XElement): string | null {
  return el.getAttributeNS(XSI, "type");
}

/** Every resource (bt:Image, bt:Url, bt:String under Resources) by id, with its section. */
function resources(root: XElement): Map<string, { section: string; el: XElement }> {
  const res = one(root, "Resources");
  const map = new Map<string, { section: string; el: XElement }>();
  for (const section of children(res)) {
    for (const item of children(section)) {
      const id = item.getAttribute("id") ?? "";
      expect({ id, duplicate: map.has(id) }).toEqual({ id, duplicate: false });
      map.set(id, { section: section.localName, el: item });
    }
  }
  return map;
}

function overrides(el: XElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const o of children(el).filter((c) => c.localName === "Override")) {
    const locale = o.getAttribute("Locale") ?? "";
    expect(locale).toMatch(/^[a-z]{2}-[A-Z]{2}$/);
    expect(out[locale]).toBeUndefined();
    out[locale] = o.getAttribute("Value") ?? "";
  }
  return out;
}

const root = parse(SOURCE);
const res = resources(root);
const workbookHost = all(root, "Host").find((h) => xsiType(h) === "Workbook") as XElement;

describe("manifest.xml", () => {
  test("is a task pane app with a fixed GUID, a four-part version and en-US as default locale", () => {
    expect(root.localName).toBe("OfficeApp");
    expect(xsiType(root)).toBe("TaskPaneApp");
    expect(one(root, "Id").textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(child(root, "Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(root, "DefaultLocale").textContent).toBe("en-US");
  });

  test("top-level elements come in the schema's order", () => {
    const order = [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "AllowSnapshot",
      "VersionOverrides",
    ];
    const present = children(root).map((c) => c.localName);
    for (const name of present) expect(order).toContain(name);
    const indices = present.map((n) => order.indexOf(n));
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
  });

  test("every resid refers to a resource defined once in Resources, and resource ids fit in 32 characters", () => {
    const referenced = all(root, "*")
      .filter((el) => el.hasAttribute("resid"))
      .map((el) => el.getAttribute("resid") as string);
    expect(referenced.length).toBeGreaterThan(10);
    const missing = referenced.filter((id) => !res.has(id));
    expect(missing).toEqual([]);
    for (const id of res.keys()) expect(id.length).toBeLessThanOrEqual(32);
  });

  test("requires the shared runtime 1.1 and asks for ReadWriteDocument", () => {
    const sets = all(root, "Set").filter((s) => s.getAttribute("Name") === "SharedRuntime");
    expect(sets).toHaveLength(1);
    expect(sets[0].getAttribute("MinVersion")).toBe("1.1");
    expect(child(root, "Permissions").textContent).toBe("ReadWriteDocument");
    expect(all(root, "Host").filter((h) => h.getAttribute("Name") === "Workbook")).toHaveLength(1);
  });

  test("one long-lived runtime, first under the Workbook host, shared by the task pane, functions and commands", () => {
    expect(workbookHost).toBeDefined();
    const first = children(workbookHost)[0];
    expect(first.localName).toBe("Runtimes");
    const runtimes = children(first);
    expect(runtimes).toHaveLength(1);
    const runtime = runtimes[0];
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const shared = runtime.getAttribute("resid") as string;
    expect(res.get(shared)?.section).toBe("Urls");

    const cf = all(workbookHost, "ExtensionPoint").filter((e) => xsiType(e) === "CustomFunctions");
    expect(cf).toHaveLength(1);
    expect(child(child(cf[0], "Page"), "SourceLocation").getAttribute("resid")).toBe(shared);
    expect(one(workbookHost, "FunctionFile").getAttribute("resid")).toBe(shared);

    const actions = all(workbookHost, "Action").filter((a) => xsiType(a) === "ShowTaskpane");
    expect(actions).toHaveLength(1);
    expect(child(actions[0], "SourceLocation").getAttribute("resid")).toBe(shared);
    expect(child(actions[0], "TaskpaneId").textContent).toBeTruthy();
    expect(res.get(shared)?.el.getAttribute("DefaultValue")).toBe("https://localhost:3000/taskpane.html");
    expect(
      one(root, "DefaultSettings").getElementsByTagNameNS("*", "SourceLocation")[0].getAttribute("DefaultValue"),
    ).toBe("https://localhost:3000/taskpane.html");
  });

  test("custom functions: namespace REFORM, script, metadata with a zh-CN override", () => {
    const cf = all(workbookHost, "ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions") as XElement;
    const ns = res.get(child(cf, "Namespace").getAttribute("resid") as string);
    expect(ns?.section).toBe("ShortStrings");
    expect(ns?.el.getAttribute("DefaultValue")).toBe("REFORM");
    expect(overrides(ns!.el)).toEqual({});

    const script = res.get(child(child(cf, "Script"), "SourceLocation").getAttribute("resid") as string);
    expect(script?.el.getAttribute("DefaultValue")).toBe("https://localhost:3000/functions.js");

    const metaId = child(child(cf, "Metadata"), "SourceLocation").getAttribute("resid") as string;
    expect(metaId).toBe("Functions.Metadata.Url");
    const meta = res.get(metaId)!;
    expect(meta.section).toBe("Urls");
    expect(meta.el.getAttribute("DefaultValue")).toBe("https://localhost:3000/functions.json");
    expect(overrides(meta.el)).toEqual({ "zh-CN": "https://localhost:3000/functions-zh-CN.json" });
    expect(meta.el.namespaceURI).toBe(BT);
  });

  test("a ribbon button on the Home tab opens the task pane", () => {
    const tabs = all(workbookHost, "OfficeTab");
    expect(tabs).toHaveLength(1);
    expect(tabs[0].getAttribute("id")).toBe("TabHome");
    const buttons = all(tabs[0], "Control").filter((c) => xsiType(c) === "Button");
    expect(buttons).toHaveLength(1);
    expect(xsiType(child(buttons[0], "Action"))).toBe("ShowTaskpane");
  });

  test("display name and description in en-US with zh-CN overrides", () => {
    const name = child(root, "DisplayName");
    expect(name.getAttribute("DefaultValue")).toBe("Staffing Reform");
    expect(overrides(name)["zh-CN"]).toMatch(/[\u4e00-\u9fff]{4,}/);
    const description = child(root, "Description");
    expect(description.getAttribute("DefaultValue")!.length).toBeGreaterThan(20);
    expect(overrides(description)["zh-CN"]).toMatch(/[\u4e00-\u9fff]{4,}/);
    for (const el of [name, description]) {
      expect(Object.keys(overrides(el))).toEqual(["zh-CN"]);
      expect(children(el).every((c) => c.namespaceURI === root.namespaceURI)).toBe(true);
    }
    expect(name.getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(125);
    expect(description.getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(250);
    expect(overrides(description)["zh-CN"].length).toBeLessThanOrEqual(250);
  });

  test("every ribbon string has a zh-CN override, except the namespace; short ≤ 125, long ≤ 250 characters", () => {
    for (const [id, { section, el }] of res) {
      if (section !== "ShortStrings" && section !== "LongStrings") continue;
      const max = section === "ShortStrings" ? 125 : 250;
      const texts = [el.getAttribute("DefaultValue") ?? "", ...Object.values(overrides(el))];
      for (const text of texts) {
        expect(text.trim()).not.toBe("");
        expect(text.length).toBeLessThanOrEqual(max);
      }
      if (id !== "Functions.Namespace") expect(Object.keys(overrides(el))).toEqual(["zh-CN"]);
    }
  });

  test("icons point to assets that exist, with the size their id says", () => {
    const urls = all(root, "Image")
      .filter((i) => i.namespaceURI === BT && i.hasAttribute("DefaultValue"))
      .map((i) => ({ id: i.getAttribute("id") as string, url: i.getAttribute("DefaultValue") as string }));
    urls.push({ id: "32x32", url: child(root, "IconUrl").getAttribute("DefaultValue") as string });
    urls.push({ id: "64x64", url: child(root, "HighResolutionIconUrl").getAttribute("DefaultValue") as string });
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const { id, url } of urls) {
      const file = path.join(ROOT, url.replace("https://localhost:3000/", ""));
      const png = fs.readFileSync(file);
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      const size = Number(/(\d+)x\1/.exec(id)?.[1]);
      expect({ url, width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({
        url,
        width: size,
        height: size,
      });
    }
  });

  test("every URL in the source manifest is on the dev server, over https", () => {
    const urls = SOURCE.match(/https?:\/\/[^"\s<]+/g) ?? [];
    const external = urls.filter(
      (u) => !u.startsWith("http://schemas.microsoft.com/") && !u.startsWith("http://www.w3.org/"),
    );
    expect(external.length).toBeGreaterThan(10);
    for (const u of external) expect(u).toMatch(/^https:\/\/localhost:3000\//);
  });
});

describe("production manifest (the rewrite webpack.config.js applies)", () => {
  const prod = rewriteManifestUrls(SOURCE, "https://reform.example.org/addin/");

  test("leaves no localhost and points every dev URL at the production base", () => {
    expect(prod).not.toMatch(/localhost/i);
    const devCount = (SOURCE.match(/https:\/\/localhost:3000\//g) ?? []).length;
    expect(devCount).toBeGreaterThan(10);
    expect((prod.match(/https:\/\/reform\.example\.org\/addin\//g) ?? []).length).toBe(devCount);
  });

  test("is still well formed and keeps the same structure", () => {
    const prodRoot = parse(prod);
    expect(resources(prodRoot).size).toBe(res.size);
    const meta = resources(prodRoot).get("Functions.Metadata.Url")!.el;
    expect(meta.getAttribute("DefaultValue")).toBe("https://reform.example.org/addin/functions.json");
    expect(overrides(meta)["zh-CN"]).toBe("https://reform.example.org/addin/functions-zh-CN.json");
  });

  test("with the default (placeholder) URL leaves no localhost either", () => {
    const url = productionUrl({});
    expect(url).toBe(DEFAULT_PRODUCTION_URL);
    expect(rewriteManifestUrls(SOURCE, url)).not.toMatch(/localhost/i);
  });

  test("REFORM_URL is normalised and checked", () => {
    expect(productionUrl({ REFORM_URL: "https://reform.example.org/addin" })).toBe("https://reform.example.org/addin/");
    expect(() => productionUrl({ REFORM_URL: "http://reform.example.org/" })).toThrow(/https/);
    expect(() => productionUrl({ REFORM_URL: "https://localhost:3000/" })).toThrow(/localhost/);
    expect(() => productionUrl({ REFORM_URL: "not a url" })).toThrow(/not a URL/);
    expect(() => rewriteManifestUrls(SOURCE, "https://reform.example.org")).toThrow(/end with/);
  });

  test("rewrites any dev port, every occurrence", () => {
    const xml = '<a v="https://localhost:3000/x"/><b v="https://localhost:8443/y"/><c v="https://localhost:3000/z"/>';
    expect(rewriteManifestUrls(xml, "https://p.example/")).toBe(
      '<a v="https://p.example/x"/><b v="https://p.example/y"/><c v="https://p.example/z"/>',
    );
  });
});
