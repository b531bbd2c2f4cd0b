/**
 * The functions list (职能清单): items with their owner, category and fate after the reform.
 * Counts by owner and category, the economic-development share, and what is stripped to the local
 * government (属地). The After Reform cell reads as for units: 划转属地 / transfer = stripped;
 * 撤销 / abolish = abolished; anything else (blank, or the new owner's name) = kept in the zone.
 */
import { roundHalfUp } from "../money";
import type { ShareFigure } from "./units";
import { functionClass, parseDisposition, type FunctionClass } from "./units";

export interface FunctionItem {
  row?: number;
  item: string;
  owner?: string;
  category?: string;
  afterReform?: string;
}

export interface OwnerCount {
  owner: string;
  items: number;
  economic: number;
  social: number;
  other: number;
  stripped: number;
}

export interface CategoryCount {
  /** The category as written ("" when blank). */
  category: string;
  class?: FunctionClass;
  items: number;
  stripped: number;
}

export interface FunctionsSummary {
  items: number;
  byOwner: OwnerCount[];
  byCategory: CategoryCount[];
  /** Economic items / categorised items, before (all items) and after (items kept in the zone). */
  economicShare: { before: ShareFigure; after: ShareFigure };
  stripped: FunctionItem[];
  abolished: FunctionItem[];
  /** Social-affairs items the zone still keeps (candidates for stripping). */
  socialRetained: FunctionItem[];
}

function share(economic: number, functional: number): ShareFigure {
  return { economic, functional, share: functional === 0 ? null : roundHalfUp(economic / functional, 3) };
}

/**
 * Summarises a functions list.
 *
 * @example
 * functionsSummary([
 *   { item: "招商引资", owner: "投资促进局", category: "经济发展" },
 *   { item: "义务教育", owner: "社会事务局", category: "社会事务", afterReform: "划转属地" },
 * ]).economicShare // => { before: { economic: 1, functional: 2, share: 0.5 }, after: { economic: 1, functional: 1, share: 1 } }
 */
export function functionsSummary(items: ReadonlyArray<FunctionItem>): FunctionsSummary {
  const owners = new Map<string, OwnerCount>();
  const categories = new Map<string, CategoryCount>();
  const stripped: FunctionItem[] = [];
  const abolished: FunctionItem[] = [];
  const socialRetained: FunctionItem[] = [];
  let econBefore = 0;
  let catBefore = 0;
  let econAfter = 0;
  let catAfter = 0;
  for (const it of items) {
    const d = parseDisposition(it.afterReform, "").disposition;
    const cls = functionClass(it.category);
    const owner = it.owner ?? "";
    const o = owners.get(owner) ?? { owner, items: 0, economic: 0, social: 0, other: 0, stripped: 0 };
    o.items++;
    if (cls) o[cls]++;
    const category = it.category ?? "";
    const c = categories.get(category) ?? { category, class: cls, items: 0, stripped: 0 };
    c.items++;
    if (d === "transfer") {
      stripped.push(it);
      o.stripped++;
      c.stripped++;
    } else if (d === "abolish") {
      abolished.push(it);
    } else if (cls === "social") {
      socialRetained.push(it);
    }
    owners.set(owner, o);
    categories.set(category, c);
    if (cls) {
      catBefore++;
      if (cls === "economic") econBefore++;
      if (d !== "transfer" && d !== "abolish") {
        catAfter++;
        if (cls === "economic") econAfter++;
      }
    }
  }
  return {
    items: items.length,
    byOwner: [...owners.values()],
    byCategory: [...categories.values()],
    economicShare: { before: share(econBefore, catBefore), after: share(econAfter, catAfter) },
    stripped,
    abolished,
    socialRetained,
  };
}
